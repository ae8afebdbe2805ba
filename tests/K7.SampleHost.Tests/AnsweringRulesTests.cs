using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K7.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class AnsweringRulesTests
{
    private static readonly IncomingCall Caller = new("+15557654321", "Caller");
    private static readonly UserState Online = new(ActiveCalls: 0, RegisteredDevices: 1);

    [Fact]
    public async Task Get_ListsTheGuideRules_WithDescriptionsAndTheActiveOne()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        var page = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/answering-rules");

        Assert.Equal(25, page.GetProperty("ringTimeoutSeconds").GetInt32());
        Assert.True(page.GetProperty("voicemail").GetBoolean());
        Assert.Equal("Default", page.GetProperty("activeRule").GetString());
        var rules = page.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["Out of Office", "Default"], rules.Select(r => r.GetProperty("name").GetString()));
        var outOfOffice = rules[0];
        Assert.Equal("Simultaneously ring 202wp, 202 · Forward when unanswered to User - 207 (Tim Garcia)", outOfOffice.GetProperty("description").GetString());
        Assert.Equal("Holidays 1 holiday", outOfOffice.GetProperty("timeFrame").GetProperty("when").GetString());
        Assert.False(outOfOffice.GetProperty("active").GetBoolean());
        Assert.True(rules[1].GetProperty("active").GetBoolean());
        Assert.True(rules[1].GetProperty("matches").GetBoolean());
    }

    [Fact]
    public async Task PutDefault_WithDoNotDisturb_ChangesTheRouteOf202()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var resolver = host.Services.GetRequiredService<IRouteResolver>();
        Assert.Equal(RouteOutcome.Ring, resolver.Route("202", Caller, Online, HostUnderTest.GuideMorning).Outcome);

        var rule = (await ellen.GetFromJsonAsync<JsonObject>("/api/users/me/answering-rules/Default"))!;
        Assert.Equal(["enabled", "doNotDisturb", "callScreening", "forwarding", "ring"], rule.Select(p => p.Key));
        rule["doNotDisturb"] = true;
        using var response = await ellen.PutAsJsonAsync("/api/users/me/answering-rules/Default", rule);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(saved!["doNotDisturb"]!.GetValue<bool>());
        var decision = resolver.Route("202", Caller, Online, HostUnderTest.GuideMorning);
        Assert.Equal(RouteReason.DoNotDisturb, decision.Reason);
        Assert.Equal(RouteOutcome.Voicemail, decision.Outcome);
        Assert.True(AnsweringRulesJson.Deserialize(await File.ReadAllTextAsync(RulesFile(host))).Default.DoNotDisturb);
    }

    [Fact]
    public async Task PutRule_WithAMisspelledProperty_Is400NamingIt_AndChangesNothing()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var resolver = host.Services.GetRequiredService<IRouteResolver>();
        var fileBefore = await File.ReadAllBytesAsync(RulesFile(host));
        var rulesBefore = resolver.GetRules("202").Rules;
        const string body = """
            {
              "timeFrame": "Out of Office",
              "forwarding": { "whenUnanswred": { "kind": "user", "value": "207" } }
            }
            """;

        using var response = await ellen.PutAsync("/api/users/me/answering-rules/Out%20of%20Office", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.forwarding.whenUnanswred", out var reasons), problem.ToString());
        Assert.Contains("whenUnanswered", reasons[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.Equal(body.IndexOf("\"whenUnanswred\"", StringComparison.Ordinal), problem.GetProperty("position").GetInt32());
        Assert.Equal(fileBefore, await File.ReadAllBytesAsync(RulesFile(host)));
        Assert.Equal(rulesBefore, resolver.GetRules("202").Rules);
    }

    [Fact]
    public async Task PutRule_ThatIsInvalidAsAWhole_Is400NamingTheProperty()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var rule = (await ellen.GetFromJsonAsync<JsonObject>("/api/users/me/answering-rules/Out%20of%20Office"))!;
        rule["forwarding"]!["whenBusy"] = new JsonObject { ["kind"] = "voicemail", ["value"] = "202" };

        using var response = await ellen.PutAsJsonAsync("/api/users/me/answering-rules/Out%20of%20Office", rule);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.forwarding.whenBusy", out _), problem.ToString());
        Assert.Null(host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules.Find("Out of Office")!.Forwarding.WhenBusy);
    }

    [Fact]
    public async Task AddRule_ForAnUnknownTimeFrame_Is400NamingTimeFrame()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using var response = await ellen.PostAsJsonAsync("/api/users/me/answering-rules", new { timeFrame = "Lunch", doNotDisturb = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeFrame", out _), problem.ToString());
        Assert.Null(host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules.Find("Lunch"));
    }

    [Fact]
    public async Task AddAndMove_KeepTheOrder_AndDeleteRefusesDefault()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using (var added = await ellen.PostAsJsonAsync("/api/users/me/answering-rules", new { timeFrame = "Early Release", doNotDisturb = true }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        Assert.Equal(["Early Release", "Out of Office", "Default"], await NamesAsync(ellen));

        using (var moved = await ellen.PostAsJsonAsync("/api/users/me/answering-rules/Out%20of%20Office/move", new { direction = "up" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        Assert.Equal(["Out of Office", "Early Release", "Default"], await NamesAsync(ellen));
        Assert.Equal(["Out of Office", "Early Release"], host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules.Rules.Select(r => r.TimeFrame));

        using (var down = await ellen.PostAsJsonAsync("/api/users/me/answering-rules/Out%20of%20Office/move", new { direction = "down" }))
        {
            Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        }

        Assert.Equal(["Early Release", "Out of Office", "Default"], await NamesAsync(ellen));

        using (var sideways = await ellen.PostAsJsonAsync("/api/users/me/answering-rules/Out%20of%20Office/move", new { direction = "left" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, sideways.StatusCode);
        }

        using (var deleteDefault = await ellen.DeleteAsync("/api/users/me/answering-rules/Default"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, deleteDefault.StatusCode);
        }

        using (var delete = await ellen.DeleteAsync("/api/users/me/answering-rules/Early%20Release"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Equal(["Out of Office", "Default"], await NamesAsync(ellen));
    }

    [Fact]
    public async Task Settings_AreValidated_ThenSaved()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using (var bad = await ellen.PutAsJsonAsync("/api/users/me/answering-rules/settings", new { ringTimeoutSeconds = 3, blockAnonymous = true }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("ringTimeoutSeconds", out _));
        }

        Assert.False(host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules.BlockAnonymous);

        using var good = await ellen.PutAsJsonAsync("/api/users/me/answering-rules/settings", new { ringTimeoutSeconds = 30, voicemail = false, blockAnonymous = true });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var rules = host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules;
        Assert.Equal(30, rules.RingTimeout.TotalSeconds);
        Assert.False(rules.VoicemailEnabled);
        Assert.True(rules.BlockAnonymous);
    }

    [Fact]
    public async Task Lists_AddAndRemoveOneNumber_AndTheBlockListRejectsTheCaller()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");

        using (var added = await ellen.PostAsJsonAsync("/api/users/me/answering-rules/lists/block", new { number = "(555) 765-4321", name = "Spam" }))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            var lists = await added.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("+15557654321", lists.GetProperty("block")[0].GetProperty("number").GetString());
        }

        var resolver = host.Services.GetRequiredService<IRouteResolver>();
        Assert.Equal(RouteReason.BlockList, resolver.Route("202", Caller, Online, HostUnderTest.GuideMorning).Reason);

        using (var bad = await ellen.PostAsJsonAsync("/api/users/me/answering-rules/lists/allow", new { number = "555-12" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var removed = await ellen.DeleteAsync("/api/users/me/answering-rules/lists/block/+15557654321"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        Assert.Equal(RouteOutcome.Ring, resolver.Route("202", Caller, Online, HostUnderTest.GuideMorning).Outcome);
    }

    [Fact]
    public async Task CsvImport_IsAllOrNothing_WithLineErrors_ThenExports()
    {
        await using var host = await StartAsync();
        using var ellen = await host.SignInAsync("202");
        var fileBefore = await File.ReadAllBytesAsync(RulesFile(host));

        using (var bad = await ellen.PostAsync(
            "/api/users/me/answering-rules/lists/import",
            new StringContent("List,Number,Name\r\nallow,+15551230000,Front desk\r\nblock,555-12,Short\r\n", Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("line 3", StringComparison.Ordinal));
        }

        Assert.Equal(fileBefore, await File.ReadAllBytesAsync(RulesFile(host)));
        Assert.Empty(host.Services.GetRequiredService<IRouteResolver>().GetRules("202").Rules.AllowList);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(NumberListCsv.Template));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "numbers.csv");
        using (var good = await ellen.PostAsync("/api/users/me/answering-rules/lists/import", form))
        {
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            var result = await good.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(1, result.GetProperty("allowed").GetInt32());
            Assert.Equal(1, result.GetProperty("blocked").GetInt32());
        }

        var csv = await ellen.GetStringAsync("/api/users/me/answering-rules/lists/export");
        Assert.Contains("+15551230000", csv, StringComparison.Ordinal);
        Assert.Contains("+15551231111", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficeManager_ReadsAnotherUsersRules_ButDoesNotChangeThem()
    {
        await using var host = await StartAsync();
        using var suzanne = await host.SignInAsync("201");

        using var read = await suzanne.GetAsync("/api/users/202/answering-rules/Default");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await suzanne.PutAsync("/api/users/202/answering-rules/Default", read.Content);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheThreePages()
    {
        await using var host = await StartAsync();

        var document = await host.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/users/{extension}/answering-rules/{name}", document, StringComparison.Ordinal);
        Assert.Contains("/api/domain/time-frames", document, StringComparison.Ordinal);
        Assert.Contains("/api/users/{extension}/phones/{name}/login", document, StringComparison.Ordinal);
    }

    private static Task<HostUnderTest> StartAsync() => HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));

    private static string RulesFile(HostUnderTest host) => Path.Combine(host.Folder, "rules", "202.json");

    private static async Task<List<string?>> NamesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/users/me/answering-rules");
        return [.. page.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString())];
    }
}
