using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K7.SampleHost.Domain;
using K7.SampleHost.Seed;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class ProfileTests
{
    [Fact]
    public async Task ProfileChange_IsSaved_AndSurvivesARestart()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-profile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var host = await HostUnderTest.StartAsync(clock, folder))
            {
                using var ellen = await host.SignInAsync("202");
                using var response = await ellen.PutAsJsonAsync("/api/users/me/profile", new
                {
                    firstName = "Ellen",
                    lastName = "Green-Hill",
                    timeZone = "America/Chicago",
                    announceInDirectory = false,
                    listInDirectory = true,
                    emails = new[] { "ellen@example.com", "eg@example.org" },
                });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await using (var restarted = await HostUnderTest.StartAsync(clock, folder))
            {
                using var ellen = await restarted.SignInAsync("202");
                var profile = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/profile");
                Assert.Equal("Green-Hill", profile.GetProperty("lastName").GetString());
                Assert.Equal("America/Chicago", profile.GetProperty("timeZone").GetString());
                Assert.False(profile.GetProperty("announceInDirectory").GetBoolean());
                Assert.Equal(2, profile.GetProperty("emails").GetArrayLength());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BadProfile_NamesEachField_AndSavesNothing()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        var before = await File.ReadAllBytesAsync(Path.Combine(host.Folder, "domain.json"));
        using var response = await ellen.PutAsJsonAsync("/api/users/me/profile", new { firstName = "Ellen", lastName = "Green", timeZone = "Mars/Olympus", emails = new[] { "ok@example.com", "not an address" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("timeZone", out _));
        Assert.True(errors.TryGetProperty("emails[1]", out _));
        Assert.False(errors.TryGetProperty("emails[0]", out _));
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(host.Folder, "domain.json")));
    }

    [Theory]
    [InlineData("short1A", "newPassword")]
    [InlineData("alllowercase1", "newPassword")]
    [InlineData("Green-202-pass", "newPassword")]
    public async Task PasswordRules_AreEnforced(string password, string field)
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.PostAsJsonAsync("/api/users/me/profile/password", new { currentPassword = DemoDomain.Password, newPassword = password, confirmNewPassword = password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PasswordChange_NeedsTheCurrentPassword_AndEndsOtherSessions()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        using var other = await host.SignInAsync("202");
        using (var wrong = await ellen.PostAsJsonAsync("/api/users/me/profile/password", new { currentPassword = "Wrong-password1", newPassword = "Brand-New-Pass", confirmNewPassword = "Brand-New-Pass" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("currentPassword", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        using (var mismatch = await ellen.PostAsJsonAsync("/api/users/me/profile/password", new { currentPassword = DemoDomain.Password, newPassword = "Brand-New-Pass", confirmNewPassword = "Brand-New-Pas" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        }

        using (var ok = await ellen.PostAsJsonAsync("/api/users/me/profile/password", new { currentPassword = DemoDomain.Password, newPassword = "Brand-New-Pass", confirmNewPassword = "Brand-New-Pass" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        using (var stale = await other.GetAsync("/api/users/me/profile"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        }

        using (await host.SignInAsync("202", "Brand-New-Pass"))
        {
        }
    }

    [Fact]
    public async Task VoicemailPin_FollowsThePackageRules_AndIsStoredHashed()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        using (var same = await ellen.PostAsJsonAsync("/api/users/me/profile/voicemail-pin", new { currentPassword = DemoDomain.Password, newPin = "202", confirmNewPin = "202" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
            Assert.True((await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPin", out _));
        }

        using (var ok = await ellen.PostAsJsonAsync("/api/users/me/profile/voicemail-pin", new { currentPassword = DemoDomain.Password, newPin = "583920", confirmNewPin = "583920" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        var user = host.Services.GetRequiredService<UserDirectory>().Find("202")!;
        Assert.True(host.Services.GetRequiredService<PasswordHashing>().Matches("583920", user.VoicemailPinHash!));
        Assert.DoesNotContain("583920", await File.ReadAllTextAsync(Path.Combine(host.Folder, "domain.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicUser_SeesOnlyOwnPages_OfficeManagerReadsButDoesNotChangeOthers()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202");
        using var suzanne = await host.SignInAsync("201");

        using (var response = await ellen.GetAsync("/api/users/203/profile"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var response = await ellen.GetAsync("/api/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var gary = await suzanne.GetFromJsonAsync<JsonElement>("/api/users/203/profile");
        Assert.Equal("Gary", gary.GetProperty("firstName").GetString());
        var domain = await suzanne.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Equal(new[] { "201", "202", "203", "207", "210" }, domain.EnumerateArray().Select(u => u.GetProperty("extension").GetString()!));

        using (var change = await suzanne.PutAsJsonAsync("/api/users/203/profile", new { firstName = "G", lastName = "S", timeZone = "America/New_York" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        }

        using (var missing = await suzanne.GetAsync("/api/users/999/profile"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }
}
