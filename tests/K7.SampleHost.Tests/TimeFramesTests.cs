using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K7.SampleHost.TimeFrames;
using K7.TimeFrames;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class TimeFramesTests
{
    private const string Lunch = """
        {"name":"Lunch","owner":{"user":"202"},"timeZone":"America/New_York",
         "definition":{"kind":"daysOfWeek","days":[{"day":"tuesday","ranges":["12:00-13:00"]}]}}
        """;

    private const string Closed = """
        {"name":"Closed","owner":"domain","timeZone":"America/New_York","definition":{"kind":"always"}}
        """;

    [Fact]
    public async Task List_ShowsOwnAndDomainFrames_WithSummaryAndNextOn()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        var frames = (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/time-frames")).EnumerateArray().ToList();

        Assert.Equal(["Early Release", "Out of Office"], frames.Select(f => f.GetProperty("name").GetString()));
        var early = frames[0];
        Assert.Equal("202", early.GetProperty("owner").GetString());
        Assert.Equal("daysOfWeek", early.GetProperty("kind").GetString());
        Assert.True(early.GetProperty("editable").GetBoolean());
        Assert.Equal("Every Week", early.GetProperty("recurrence").GetString());
        Assert.False(early.GetProperty("activeNow").GetBoolean());
        Assert.Equal("Fri, 06/06/2025 1:00 PM", early.GetProperty("nextOn").GetString());
        var outOfOffice = frames[1];
        Assert.Equal("Domain", outOfOffice.GetProperty("owner").GetString());
        Assert.False(outOfOffice.GetProperty("editable").GetBoolean());
        Assert.Equal("Holidays 1 holiday", outOfOffice.GetProperty("when").GetString());
    }

    [Fact]
    public async Task OwnFrame_AddChangeDelete_RoundTripsTheJson()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using (var added = await ellen.PostAsync("/api/users/me/time-frames", Json(Lunch)))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var lunch = await ellen.GetStringAsync("/api/users/me/time-frames/Lunch");
        Assert.Equal(TimeFrameJson.Serialize(TimeFrameJson.Deserialize(Lunch)), lunch);
        var list = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/time-frames");
        Assert.Contains(list.EnumerateArray(), f => f.GetProperty("name").GetString() == "Lunch" && f.GetProperty("activeNow").GetBoolean() == false);

        using (var clash = await ellen.PostAsync("/api/users/me/time-frames", Json(Lunch)))
        {
            Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        }

        using (var changed = await ellen.PutAsync("/api/users/me/time-frames/Lunch", Json(Lunch.Replace("12:00-13:00", "09:00-11:00", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var catalog = host.Services.GetRequiredService<TimeFrameStore>().Catalog;
        Assert.True(catalog.Find("202", "Lunch")!.IsActive(HostUnderTest.GuideMorning));

        using (var renamed = await ellen.PutAsync("/api/users/me/time-frames/Lunch", Json(Lunch.Replace("\"Lunch\"", "\"Long lunch\"", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        Assert.Null(catalog.Find("202", "Lunch"));
        Assert.NotNull(catalog.Find("202", "Long lunch"));

        using (var deleted = await ellen.DeleteAsync("/api/users/me/time-frames/Long%20lunch"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Null(catalog.Find("202", "Long lunch"));
        Assert.DoesNotContain("Long lunch", await File.ReadAllTextAsync(Path.Combine(host.Folder, "timeframes.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnFrame_WithAnotherOwnerOrBadJson_Is400()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using (var domain = await ellen.PostAsync("/api/users/me/time-frames", Json(Closed)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, domain.StatusCode);
            var problem = await domain.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("owner", out _));
        }

        using (var typo = await ellen.PostAsync("/api/users/me/time-frames", Json(Lunch.Replace("tuesday", "Tuesday", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
            var problem = await typo.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains("day", StringComparison.Ordinal));
        }

        Assert.Null(host.Services.GetRequiredService<TimeFrameStore>().Catalog.Find("202", "Lunch"));
    }

    [Fact]
    public async Task DomainFrames_AreChangedByTheOfficeManager_AndRefusedToABasicUser()
    {
        await using var host = await StartAsync();
        using var suzanne = await host.SignInAsync("201");
        using var ellen = await host.SignInAsync("202");

        using (var refused = await ellen.PostAsync("/api/domain/time-frames", Json(Closed)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var added = await suzanne.PostAsync("/api/domain/time-frames", Json(Closed)))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var seenByEllen = await ellen.GetFromJsonAsync<JsonElement>("/api/domain/time-frames");
        Assert.Equal(["Closed", "Out of Office"], seenByEllen.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.All(seenByEllen.EnumerateArray(), f => Assert.False(f.GetProperty("editable").GetBoolean()));
        var closed = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/time-frames/Closed");
        Assert.Equal("domain", closed.GetProperty("owner").GetString());

        var weekends = Closed.Replace("{\"kind\":\"always\"}", "{\"kind\":\"daysOfWeek\",\"days\":[{\"day\":\"sunday\",\"ranges\":[\"00:00-23:59\"]}]}", StringComparison.Ordinal);
        using (var changed = await suzanne.PutAsync("/api/domain/time-frames/Closed", Json(weekends)))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.Equal(TimeFrameKind.DaysOfWeek, host.Services.GetRequiredService<TimeFrameStore>().Catalog.Find("202", "Closed")!.Frame.Kind);

        using (var refusedChange = await ellen.PutAsync("/api/domain/time-frames/Closed", Json(Closed)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedChange.StatusCode);
        }

        using (var refusedDelete = await ellen.DeleteAsync("/api/domain/time-frames/Closed"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedDelete.StatusCode);
        }

        using (var deleted = await suzanne.DeleteAsync("/api/domain/time-frames/Closed"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Null(host.Services.GetRequiredService<TimeFrameStore>().Catalog.Find("202", "Closed"));
    }

    [Fact]
    public async Task AFrameARuleUses_IsNeitherDeletedNorRenamed_409NamingRuleAndUser()
    {
        await using var host = await StartAsync();
        using var suzanne = await host.SignInAsync("201");
        using var ellen = await host.SignInAsync("202");
        var catalog = host.Services.GetRequiredService<TimeFrameStore>().Catalog;

        // The domain's "Out of Office" is used by Ellen's rule.
        using (var refused = await suzanne.DeleteAsync("/api/domain/time-frames/Out%20of%20Office"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Out of Office", problem.GetProperty("rule").GetString());
            Assert.Equal("202", problem.GetProperty("user").GetString());
            Assert.Contains("Ellen Green", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.NotNull(catalog.Find("202", "Out of Office"));

        // Ellen's own "Early Release", once a rule uses it.
        using (var rule = await ellen.PostAsJsonAsync("/api/users/me/answering-rules", new { timeFrame = "Early Release", doNotDisturb = true }))
        {
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        }

        var early = await ellen.GetStringAsync("/api/users/me/time-frames/Early%20Release");
        using (var rename = await ellen.PutAsync("/api/users/me/time-frames/Early%20Release", Json(early.Replace("Early Release", "Late Release", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.Conflict, rename.StatusCode);
            Assert.Equal("Early Release", (await rename.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
        }

        using (var delete = await ellen.DeleteAsync("/api/users/me/time-frames/Early%20Release"))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        }

        Assert.NotNull(catalog.Find("202", "Early Release"));
        Assert.Null(catalog.Find("202", "Late Release"));

        // Without the rule, the delete goes through.
        using (var ruleGone = await ellen.DeleteAsync("/api/users/me/answering-rules/Early%20Release"))
        {
            Assert.Equal(HttpStatusCode.NoContent, ruleGone.StatusCode);
        }

        using (var deleted = await ellen.DeleteAsync("/api/users/me/time-frames/Early%20Release"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    private static Task<HostUnderTest> StartAsync() => HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
