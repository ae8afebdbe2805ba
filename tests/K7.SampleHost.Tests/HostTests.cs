using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K7.SampleHost.Domain;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class HostTests
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheBearerScheme_AndTheReferencePageIsServed()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("BearerToken");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/session", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/users/{extension}/profile", out _));

        using var page = await host.Client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var root = await noRedirect.GetAsync("/");
        Assert.Equal("/scalar/v1", root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheGuide_ListsEveryOperationOfTheOpenApiDocument()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "K7.Sdk.sln")))
        {
            root = root.Parent;
        }

        var guide = await File.ReadAllTextAsync(Path.Combine(root!.FullName, "docs", "host.md"));
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var row = $"| `{operation.Name.ToUpperInvariant()}` | `{path.Name.Replace("/api/users/{extension}", "…", StringComparison.Ordinal)}` |";
                if (!guide.Contains(row, StringComparison.Ordinal))
                {
                    missing.Add(row);
                }
            }
        }

        Assert.True(missing.Count == 0, "docs/host.md does not list:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Restart_KeepsTheDomain_AndDoesNotSeedAgain()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-restart-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            string sipPassword;
            await using (var first = await HostUnderTest.StartAsync(clock, folder))
            {
                Assert.True(File.Exists(Path.Combine(folder, ".seeded")));
                sipPassword = first.Services.GetRequiredService<UserDirectory>().Find("202")!.SipPasswords["202wp"];
            }

            await using var second = await HostUnderTest.StartAsync(clock, folder);
            var users = second.Services.GetRequiredService<UserDirectory>();
            Assert.Equal(5, users.All.Count);
            Assert.Equal(sipPassword, users.Find("202")!.SipPasswords["202wp"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheProgram_StartsOnItsDefaults_AndPrintsItsDataFolderAndAddresses()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-process-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var process = await HostProcess.StartAsync(folder);
            var text = process.Output;
            Assert.Contains("data folder:   " + folder, text, StringComparison.Ordinal);
            Assert.Contains("HTTP API:      http://127.0.0.1:", text, StringComparison.Ordinal);
            Assert.Contains("SIP:           udp:127.0.0.1:", text, StringComparison.Ordinal);
            Assert.Contains("202@k7.example (Ellen Green)", text, StringComparison.Ordinal);
            Assert.NotNull(process.BaseAddress);
            Assert.True(File.Exists(Path.Combine(folder, "domain.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
