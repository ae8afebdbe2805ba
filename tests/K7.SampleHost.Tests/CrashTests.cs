using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K7.Routing;
using K7.SampleHost.Domain;
using K7.SampleHost.Seed;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

/// <summary>
/// Kills the host program (SIGKILL) while it saves profile and answering-rule changes, then starts it again on the same
/// folder: each store holds the last change the API acknowledged (or the one in flight), whole, and nothing is lost.
/// </summary>
public sealed class CrashTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(12)]
    public async Task KilledWhileSaving_RestartsWithEveryAcknowledgedChange(int acknowledgedBeforeKill)
    {
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-crash-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var acknowledged = 0;
            var inFlightAcknowledged = false;
            using (var process = await HostProcess.StartAsync(folder))
            {
                using var ellen = await SignInAsync(process.BaseAddress!);
                Task<HttpResponseMessage>? inFlight = null;
                for (var i = 1; ; i++)
                {
                    var profile = ellen.PutAsJsonAsync("/api/users/me/profile", new { firstName = "Ellen", lastName = $"Green-{i}", timeZone = "America/New_York", emails = new[] { $"e{i}@example.com" } });
                    if (i > acknowledgedBeforeKill)
                    {
                        inFlight = profile;
                        process.Kill();
                        break;
                    }

                    using (var saved = await profile)
                    {
                        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
                    }

                    using (var settings = await ellen.PutAsJsonAsync("/api/users/me/answering-rules/settings", new { ringTimeoutSeconds = 10 + i }))
                    {
                        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
                    }

                    acknowledged = i;
                }

                // The change in flight at the kill may have been saved and even answered (then it counts as acknowledged).
                try
                {
                    using var last = await inFlight!;
                    inFlightAcknowledged = last.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                }
            }

            Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*.json"), f => new FileInfo(f).Length == 0);
            await using var restarted = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning), folder);
            Assert.Empty(Directory.EnumerateFiles(folder, ".*.tmp"));
            using var client = await restarted.SignInAsync("202");
            var lastName = (await client.GetFromJsonAsync<JsonElement>("/api/users/me/profile")).GetProperty("lastName").GetString();
            Assert.Contains(lastName, inFlightAcknowledged ? [$"Green-{acknowledged + 1}"] : new[] { $"Green-{acknowledged}", $"Green-{acknowledged + 1}" });
            var rules = AnsweringRulesJson.Deserialize(await File.ReadAllBytesAsync(Path.Combine(folder, "rules", "202.json")));
            Assert.Equal(10 + acknowledged, (int)rules.RingTimeout.TotalSeconds);
            Assert.Equal(5, restarted.Services.GetService(typeof(UserDirectory)) is UserDirectory users ? users.All.Count : 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        using var anonymous = new HttpClient { BaseAddress = address };
        using var response = await anonymous.PostAsJsonAsync("/api/session", new { login = "202", password = DemoDomain.Password });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
