using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using K7.Routing;
using K7.SampleHost.CallHistory;
using K7.SampleHost.Routing;
using K7.Sip.Proxy;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class CallHistoryTests
{
    private static readonly Instant Noon = Instant.FromUtc(2025, 6, 4, 16, 0);

    [Fact]
    public async Task GuideRows_AreEllensHistory_NewestFirst_InTheAgreedShape()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        var page = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/call-history");
        Assert.Equal(7, page.GetProperty("total").GetInt32());
        var first = page.GetProperty("items")[0];
        Assert.Equal("inbound", first.GetProperty("direction").GetString());
        Assert.Equal("203", first.GetProperty("callerNumber").GetString());
        Assert.Equal("Gary Smith", first.GetProperty("callerName").GetString());
        Assert.Equal("202", first.GetProperty("dialedNumber").GetString());
        Assert.Equal("202wp", first.GetProperty("answeredBy").GetString());
        Assert.Equal("answered", first.GetProperty("outcome").GetString());
        Assert.Equal("2025-06-03T14:59:00Z", first.GetProperty("start").GetString());
        Assert.Equal(31, first.GetProperty("durationSeconds").GetInt64());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("id").GetString()));
        var last = page.GetProperty("items")[6];
        Assert.Equal(JsonValueKind.Null, last.GetProperty("callerName").ValueKind);
        Assert.Equal("voicemail", last.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Recent_GivesTheNewestCalls_ForTheHomePage()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var recent = host.Services.GetRequiredService<CallHistoryStore>().Recent("202", 3);
        Assert.Equal(["203", "203", "201"], recent.Select(r => r.CallerNumber));
        Assert.Equal([31L, 5L, 30L], recent.Select(r => r.DurationSeconds));
    }

    [Fact]
    public async Task Recorder_AnsweredCall_BetweenUsers_GivesInboundAndOutboundRecords()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var recorder = host.Services.GetRequiredService<CallHistoryRecorder>();
        recorder.Handle(Event(CallEventKind.Started, "a1", "202", "210", null, null, Noon, null));
        recorder.Handle(Event(CallEventKind.Ringing, "a1", "202", "210", "202wp", null, Noon + Duration.FromSeconds(1), null));
        recorder.Handle(Event(CallEventKind.Answered, "a1", "202", "210", "202wp", CallOutcome.Answered, Noon + Duration.FromSeconds(5), null));
        var written = recorder.Handle(Event(CallEventKind.Ended, "a1", "202", "210", "202wp", CallOutcome.Answered, Noon + Duration.FromSeconds(65), Duration.FromSeconds(60)));
        Assert.Equal(2, written.Count);

        var store = host.Services.GetRequiredService<CallHistoryStore>();
        var inbound = Assert.Single(store.Query("202", new CallHistoryQuery { From = Noon }).Items);
        Assert.Equal((CallDirection.Inbound, "210", "Maggie Matthews", "202", "202wp", CallOutcome.Answered, Noon, 60L), (inbound.Direction, inbound.CallerNumber, inbound.CallerName, inbound.DialedNumber, inbound.AnsweredBy, inbound.Outcome, inbound.Start, inbound.DurationSeconds));
        var outbound = Assert.Single(store.Query("210", new CallHistoryQuery { From = Noon }).Items);
        Assert.Equal((CallDirection.Outbound, "210", "202", CallOutcome.Answered, 60L), (outbound.Direction, outbound.CallerNumber, outbound.DialedNumber, outbound.Outcome, outbound.DurationSeconds));
    }

    [Fact]
    public async Task Recorder_MissedCallFromOutside_GivesOneInboundRecord_NamedFromContacts()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var recorder = host.Services.GetRequiredService<CallHistoryRecorder>();
        recorder.Handle(Event(CallEventKind.Started, "m1", "202", "+15551231111", null, null, Noon, null));
        var written = recorder.Handle(Event(CallEventKind.NotAnswered, "m1", "202", "+15551231111", null, CallOutcome.NoAnswer, Noon + Duration.FromSeconds(25), Duration.FromSeconds(25)));
        var record = Assert.Single(written);
        Assert.Equal("Bob Jones", record.CallerName); // Ellen's personal contact, (555) 123-1111
        Assert.Equal(CallOutcome.NoAnswer, record.Outcome);
        Assert.Equal(0, record.DurationSeconds);
        Assert.Null(record.AnsweredBy);

        using var ellen = await host.SignInAsync("202@k7.example");
        var missed = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/call-history?type=missed&from=2025-06-04");
        Assert.Equal(1, missed.GetProperty("total").GetInt32());
        Assert.Equal("noAnswer", missed.GetProperty("items")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Recorder_Voicemail_IsRecordedAsVoicemail()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var recorder = host.Services.GetRequiredService<CallHistoryRecorder>();
        recorder.Handle(Event(CallEventKind.Started, "v1", "207", "203", null, null, Noon, null));
        recorder.Handle(Event(CallEventKind.Answered, "v1", "207", "203", "vmail-207", CallOutcome.Voicemail, Noon + Duration.FromSeconds(20), null));
        var written = recorder.Handle(Event(CallEventKind.Ended, "v1", "207", "203", "vmail-207", null, Noon + Duration.FromSeconds(50), Duration.FromSeconds(30)));
        Assert.All(written, r => Assert.Equal(CallOutcome.Voicemail, r.Outcome));
        Assert.Equal([CallDirection.Inbound, CallDirection.Outbound], written.Select(r => r.Direction));

        using var tim = await host.SignInAsync("207@k7.example");
        var page = await tim.GetFromJsonAsync<JsonElement>("/api/users/me/call-history?type=voicemail");
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("Gary Smith", page.GetProperty("items")[0].GetProperty("callerName").GetString());
    }

    [Fact]
    public async Task Filters_DatesInTheUsersZone_Numbers_TypeAndPaging()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        async Task<JsonElement> Get(string query) => await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/call-history" + query);

        Assert.Equal(7, (await Get("?from=2025-06-03&to=2025-06-03")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Get("?from=2025-06-04")).GetProperty("total").GetInt32());
        Assert.Equal(4, (await Get("?to=2025-06-03T11:30:00Z")).GetProperty("total").GetInt32()); // 6:13, 7:18 and both 7:25 calls (New York) are before 11:30 UTC
        Assert.Equal(2, (await Get("?callerNumber=203")).GetProperty("total").GetInt32());
        Assert.Equal(7, (await Get("?dialedNumber=202")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await Get("?type=missed")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Get("?type=outbound")).GetProperty("total").GetInt32());
        var paged = await Get("?skip=5&take=1");
        Assert.Equal(7, paged.GetProperty("total").GetInt32());
        Assert.Equal("207", Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("callerNumber").GetString());
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2025-13-01", "to")]
    [InlineData("?type=sentimental", "type")]
    [InlineData("?take=0", "take")]
    [InlineData("?from=2025-06-04&to=2025-06-03", "to")]
    public async Task BadFilter_Is400_NamingIt(string query, string field)
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.GetAsync("/api/users/me/call-history" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Export_IsACsvDownload_OfTheFilteredCalls_SpreadsheetSafe()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var recorder = host.Services.GetRequiredService<CallHistoryRecorder>();
        recorder.Handle(Event(CallEventKind.NotAnswered, "x1", "202", "=HYPERLINK(1)", null, CallOutcome.Busy, Noon, Duration.Zero));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.GetAsync("/api/users/me/call-history/export?callerNumber=203");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("call-history-202.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date,Direction,Number,Name,Dialed Number,Answered By,Outcome,Duration (seconds)", lines[0]);
        Assert.Equal("2025-06-03 10:59:00,inbound,203,Gary Smith,202,202wp,answered,31", lines[1]);
        Assert.Equal(3, lines.Length);

        var busy = Encoding.UTF8.GetString(await ellen.GetByteArrayAsync("/api/users/me/call-history/export?type=missed&from=2025-06-04"));
        Assert.Contains("'=HYPERLINK(1)", busy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Block_AddsToTheRulesBlockList_ThenUnblockRemovesIt()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using (var blocked = await ellen.PostAsJsonAsync("/api/users/me/call-history/block", new { number = "555-123-4567" }))
        {
            Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
            Assert.Equal("+15551234567", (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        }

        var rules = host.Services.GetRequiredService<AnsweringRulesStore>();
        var numbers = ((RouteResolver)host.Services.GetRequiredService<IRouteResolver>()).Numbers;
        Assert.True(rules.Get("202").BlockList.Contains(numbers.Parse("5551234567")));
        Assert.Equal("+15551234567", (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/call-history/blocked")).GetProperty("items")[0].GetProperty("number").GetString());

        using (var gone = await ellen.DeleteAsync("/api/users/me/call-history/block/5551234567"))
        {
            Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        }

        Assert.False(rules.Get("202").BlockList.Contains(numbers.Parse("5551234567")));
        using var again = await ellen.DeleteAsync("/api/users/me/call-history/block/5551234567");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Block_NotANumber_Is400_NamingNumber_AndChangesNothing()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.PostAsJsonAsync("/api/users/me/call-history/block", new { number = "call me" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));
        Assert.Empty(host.Services.GetRequiredService<AnsweringRulesStore>().Get("202").BlockList.Entries);
    }

    [Fact]
    public async Task Users_SeeOnlyTheirOwnHistory_OfficeManagersReadOthers()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var gary = await host.SignInAsync("203@k7.example");
        using (var response = await gary.GetAsync("/api/users/202/call-history"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var own = await gary.GetFromJsonAsync<JsonElement>("/api/users/me/call-history");
        Assert.Equal(2, own.GetProperty("total").GetInt32());
        Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal("outbound", i.GetProperty("direction").GetString()));

        using var suzanne = await host.SignInAsync("201@k7.example");
        Assert.Equal(7, (await suzanne.GetFromJsonAsync<JsonElement>("/api/users/202/call-history")).GetProperty("total").GetInt32());
        using var block = await suzanne.PostAsJsonAsync("/api/users/202/call-history/block", new { number = "5551234567" });
        Assert.Equal(HttpStatusCode.Forbidden, block.StatusCode);
    }

    [Fact]
    public async Task Restart_KeepsTheHistory_WithACallThatEndedAsTheHostStopped()
    {
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using (var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning), folder))
            {
                var recorder = host.Services.GetRequiredService<CallHistoryRecorder>();
                recorder.Handle(Event(CallEventKind.Started, "r1", "210", "201", null, null, Noon, null));
                recorder.Handle(Event(CallEventKind.Answered, "r1", "210", "201", "210", CallOutcome.Answered, Noon, null));
                await recorder.StopAsync(CancellationToken.None); // the stop signal: the SIP server, stopping after it, may still end calls
                Assert.Equal(2, recorder.Handle(Event(CallEventKind.Ended, "r1", "210", "201", "210", null, Noon + Duration.FromSeconds(12), Duration.FromSeconds(12))).Count);
            }

            await using var again = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning), folder);
            var store = again.Services.GetRequiredService<CallHistoryStore>();
            Assert.Equal(7, store.Query("202", new CallHistoryQuery()).Total);
            var maggie = Assert.Single(store.Query("210", new CallHistoryQuery()).Items);
            Assert.Equal(("201", "Suzanne May", 12L), (maggie.CallerNumber, maggie.CallerName, maggie.DurationSeconds));
            Assert.Equal(4, store.Query("201", new CallHistoryQuery()).Total); // the guide's three calls to Ellen and this one
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // the folder is under the temp directory
            }
        }
    }

    [Fact]
    public void Store_OfANewerSchema_IsRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), "k7-calls-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        try
        {
            using (var store = new CallHistoryStore(path))
            {
                Assert.Equal(0, store.Query("202", new CallHistoryQuery()).Total);
            }

            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA user_version = 2;";
                command.ExecuteNonQuery();
            }

            var e = Assert.Throws<InvalidOperationException>(() => new CallHistoryStore(path));
            Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    internal static CallEventArgs Event(CallEventKind kind, string callId, string called, string? caller, string? device, CallOutcome? outcome, Instant at, Duration? duration) =>
        new(kind, callId, called, caller, device, outcome, at, duration);
}
