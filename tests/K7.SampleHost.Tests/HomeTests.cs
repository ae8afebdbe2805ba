using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K7.Routing;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.TimeFrames;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class HomeTests
{
    [Fact]
    public async Task Home_ShowsTheGuidesPanels()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        var home = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/home");

        var voicemail = home.GetProperty("voicemail");
        Assert.Equal(voicemail.GetProperty("new").GetInt32(), voicemail.GetProperty("latest").GetArrayLength());
        Assert.True(voicemail.GetProperty("new").GetInt32() > 0);
        Assert.All(voicemail.GetProperty("latest").EnumerateArray(), m => Assert.Equal("new", m.GetProperty("folder").GetString()));

        var calls = home.GetProperty("recentCalls").EnumerateArray().ToList();
        Assert.Equal(7, calls.Count);
        Assert.Equal("Gary Smith", calls[0].GetProperty("callerName").GetString());

        Assert.Equal("Default", home.GetProperty("activeRule").GetProperty("name").GetString());
        Assert.Equal("Simultaneously ring 202wp, 202", home.GetProperty("activeRule").GetProperty("description").GetString());
        Assert.Equal(["Default"], home.GetProperty("matchingRules").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
        Assert.Equal(0, home.GetProperty("activePhones").GetArrayLength());
    }

    [Fact]
    public async Task Dropdown_ChoosesAmongTheRulesMatchingNow_AndTheChoiceRoutesCalls()
    {
        // Friday 6 June 2025, 2 PM in New York: "Early Release" (Fri 1-5 PM) and an all-day frame both match.
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 6, 18, 0));
        await using var host = await HostUnderTest.StartAsync(clock);
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        host.Services.GetRequiredService<TimeFrameStore>().Add(TimeFrameActor.User("202"), new TimeFrame("All day", TimeFrameOwner.User("202"), zone, AlwaysDefinition.Instance));
        var rules = host.Services.GetRequiredService<AnsweringRulesStore>();
        rules.Update("202", set => set
            .Add(AnsweringRule.For("All day") with { Forwarding = new CallForwarding { Always = Destination.User("207") } })
            .Add(AnsweringRule.For("Early Release") with { DoNotDisturb = true }));
        using var ellen = await host.SignInAsync("202");

        var home = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/home");
        Assert.Equal("Early Release", home.GetProperty("activeRule").GetProperty("name").GetString());
        Assert.Equal(["Early Release", "All day", "Default"], home.GetProperty("matchingRules").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));

        using (var chosen = await ellen.PutAsJsonAsync("/api/users/me/home/active-rule", new { name = "All day" }))
        {
            Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
            var after = await chosen.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("All day", after.GetProperty("activeRule").GetProperty("name").GetString());
        }

        Assert.Equal("All day", rules.GetCompiled("202").GetActiveRule(clock.GetCurrentInstant()).TimeFrame);
        var saved = AnsweringRulesJson.Deserialize(await File.ReadAllBytesAsync(Path.Combine(host.Folder, "rules", "202.json")));
        Assert.Equal("All day", saved.Rules[0].TimeFrame);

        foreach (var name in new[] { "Out of Office", "Default", "Nope" })
        {
            using var refused = await ellen.PutAsJsonAsync("/api/users/me/home/active-rule", new { name });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        }

        Assert.Equal("All day", rules.GetCompiled("202").GetActiveRule(clock.GetCurrentInstant()).TimeFrame);
    }

    [Fact]
    public async Task OfficeManager_SeesAnotherUsersHome_ButCannotChooseTheirRule()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var suzanne = await host.SignInAsync("201");
        var home = await suzanne.GetFromJsonAsync<JsonElement>("/api/users/202/home");
        Assert.Equal("Ellen Green", home.GetProperty("name").GetString());
        using var refused = await suzanne.PutAsJsonAsync("/api/users/202/home/active-rule", new { name = "Default" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
