using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class ContactsTests
{
    private const string Contacts = "/api/users/me/contacts";

    [Fact]
    public async Task Seed_ListsEveryUser_AndEllensContacts_TimStarred()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        var page = await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?group=coworkers&sort=extension");
        Assert.Equal(["201", "202", "203", "207", "210"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("extension").GetString()));
        var tim = page.GetProperty("items")[3];
        Assert.Equal("Tim Garcia", tim.GetProperty("displayName").GetString());
        Assert.True(tim.GetProperty("isFavorite").GetBoolean());
        Assert.Equal("user", tim.GetProperty("kind").GetString());

        var mine = await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?group=myContacts");
        var bob = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("+15551231111", bob.GetProperty("mobileNumber").GetString());
        Assert.Equal(2, (await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?group=shared")).GetProperty("total").GetInt32());

        // Bob is Ellen's alone
        using var gary = await host.SignInAsync("203@k7.example");
        Assert.Equal(0, (await gary.GetFromJsonAsync<JsonElement>(Contacts + "?text=bob")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Search_Text_Prefix_Status_Sort_Paging()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        async Task<string[]> Names(string query) =>
            [.. (await ellen.GetFromJsonAsync<JsonElement>(Contacts + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()!)];

        Assert.Equal(["Ellen Green"], await Names("?text=gre"));
        Assert.Equal(["Suzanne May", "Ellen Green", "Gary Smith", "Tim Garcia"], await Names("?text=20&match=prefix&sort=extension"));
        Assert.Equal(["Tim Garcia"], await Names("?group=favorites"));

        using (var busy = await ellen.PutAsJsonAsync("/api/users/me/presence", new { state = "busy", message = "In a meeting" }))
        {
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        Assert.Equal(["Ellen Green"], await Names("?status=busy"));
        var first = await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?sort=online&take=1");
        Assert.Equal("Ellen Green", first.GetProperty("items")[0].GetProperty("displayName").GetString());
        Assert.Equal("busy", first.GetProperty("items")[0].GetProperty("presence").GetProperty("state").GetString());
        Assert.Equal("In a meeting", first.GetProperty("items")[0].GetProperty("presence").GetProperty("message").GetString());
        Assert.Equal(8, first.GetProperty("total").GetInt32()); // 5 users, 2 shared, Bob
    }

    [Theory]
    [InlineData("?group=friends", "group")]
    [InlineData("?sort=age", "sort")]
    [InlineData("?status=1", "status")]
    [InlineData("?match=fuzzy", "match")]
    [InlineData("?take=0", "take")]
    [InlineData("/export?format=xlsx", "format")]
    public async Task BadQuery_Is400_NamingTheField(string query, string field)
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.GetAsync(Contacts + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task AddUpdateStarRemove_APersonalContact()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var created = await ellen.PostAsJsonAsync(Contacts, new { firstName = "Ann", lastName = "Lee", workNumber = "(555) 123-2222" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ann = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = ann.GetProperty("id").GetString();
        Assert.Equal("personal", ann.GetProperty("kind").GetString());
        Assert.Equal("+15551232222", ann.GetProperty("workNumber").GetString());

        using (var updated = await ellen.PutAsJsonAsync($"{Contacts}/{id}", new { firstName = "Ann", lastName = "Lee-Park", mobileNumber = "5551233333" }))
        {
            var view = await updated.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Lee-Park", view.GetProperty("lastName").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("workNumber").ValueKind);
            Assert.Equal("+15551233333", view.GetProperty("mobileNumber").GetString());
        }

        using (var star = await ellen.PutAsync($"{Contacts}/{id}/favorite", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, star.StatusCode);
        }

        Assert.True((await ellen.GetFromJsonAsync<JsonElement>($"{Contacts}/{id}")).GetProperty("isFavorite").GetBoolean());
        using (var unstar = await ellen.DeleteAsync($"{Contacts}/{id}/favorite"))
        {
            Assert.Equal(HttpStatusCode.NoContent, unstar.StatusCode);
        }

        Assert.False((await ellen.GetFromJsonAsync<JsonElement>($"{Contacts}/{id}")).GetProperty("isFavorite").GetBoolean());

        using var gary = await host.SignInAsync("203@k7.example");
        using (var hidden = await gary.GetAsync($"{Contacts}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var removed = await ellen.DeleteAsync($"{Contacts}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var gone = await ellen.GetAsync($"{Contacts}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task BadNumber_Is400_NamingTheField_AndNothingIsAdded()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.PostAsJsonAsync(Contacts, new { firstName = "Quentin", mobileNumber = "12ab" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mobileNumber", out _));
        Assert.Equal(0, (await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?text=quentin")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SharedContacts_OnlyOfficeManagers_AddThem_AndUsersCannotChangeTheExtension()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using (var refused = await ellen.PostAsJsonAsync(Contacts, new { kind = "shared", firstName = "Lobby" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var suzanne = await host.SignInAsync("201@k7.example");
        using (var added = await suzanne.PostAsJsonAsync(Contacts, new { kind = "shared", firstName = "Lobby", workNumber = "5555550111" }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        Assert.Equal(1, (await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?text=lobby")).GetProperty("total").GetInt32());

        using var tim = await suzanne.PutAsJsonAsync($"{Contacts}/207", new { firstName = "Tim", lastName = "Garcia", extension = "299" });
        Assert.Equal(HttpStatusCode.BadRequest, tim.StatusCode);
        Assert.True((await tim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("extension", out _));
    }

    [Fact]
    public async Task ProfileChange_KeepsTheUserContactInStep()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var gary = await host.SignInAsync("203@k7.example");
        using var saved = await gary.PutAsJsonAsync("/api/users/me/profile", new
        {
            firstName = "Garrett",
            lastName = "Smith",
            timeZone = "America/New_York",
            announceInDirectory = true,
            listInDirectory = false,
            emails = new[] { "garrett@k7.example" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        using var ellen = await host.SignInAsync("202@k7.example");
        var coworkers = await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?group=coworkers");
        Assert.Equal(["Tim Garcia", "Ellen Green", "Maggie Matthews", "Suzanne May"], coworkers.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()));

        var own = await gary.GetFromJsonAsync<JsonElement>(Contacts + "/203");
        Assert.Equal("Garrett Smith", own.GetProperty("displayName").GetString());
        Assert.Equal("garrett@k7.example", own.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Import_AllOrNothing_ThenSkipAndReport()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        const string Outlook = "First Name,Last Name,Primary Phone,Mobile Phone\r\nCarl,Diaz,5551230001,\r\nDina,Ek,,12ab\r\n";

        using (var refused = await ellen.PostAsync(Contacts + "/import", Form(Outlook)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("line 3", StringComparison.Ordinal));
        }

        Assert.Equal(0, (await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?text=carl")).GetProperty("total").GetInt32());

        using var lenient = await ellen.PostAsync(Contacts + "/import", Form(Outlook, ("skipInvalidRows", "true"), ("format", "outlook")));
        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        var result = await lenient.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("outlook", result.GetProperty("format").GetString());
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(3, Assert.Single(result.GetProperty("skipped").EnumerateArray()).GetProperty("line").GetInt32());
        var carl = (await ellen.GetFromJsonAsync<JsonElement>(Contacts + "?text=carl")).GetProperty("items")[0];
        Assert.Equal("+15551230001", carl.GetProperty("workNumber").GetString()); // Primary Phone is the work number
    }

    [Fact]
    public async Task Import_WithoutAFile_Is400_NamingFile()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var form = new MultipartFormDataContent { { new StringContent("auto"), "format" } };
        using var response = await ellen.PostAsync(Contacts + "/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Export_Favorites_AsVCard_IsADownload()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using var response = await ellen.GetAsync(Contacts + "/export?group=favorites&format=vcard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Content.Headers.ContentDisposition);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("FN:Tim Garcia", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ellen", text, StringComparison.Ordinal);

        var outlook = await ellen.GetAsync(Contacts + "/export?group=myContacts&format=outlook");
        Assert.Equal("text/csv", outlook.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bob", Encoding.UTF8.GetString(await outlook.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presence_RoundTrips_AndAnOverlongMessageIs400()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        using (var set = await ellen.PutAsJsonAsync("/api/users/me/presence", new { state = "availableForChat", message = "In the office until 5" }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var presence = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/presence");
        Assert.Equal("availableForChat", presence.GetProperty("state").GetString());
        Assert.Equal("In the office until 5", presence.GetProperty("message").GetString());
        Assert.Equal("2025-06-03T14:00:00Z", presence.GetProperty("since").GetString());

        using var tooLong = await ellen.PutAsJsonAsync("/api/users/me/presence", new { state = "busy", message = new string('x', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("message", out _));
        Assert.Equal("availableForChat", (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/presence")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Groups_ListTheGroups()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        var groups = await ellen.GetFromJsonAsync<JsonElement>(Contacts + "/groups");
        Assert.Equal(["all", "favorites", "shared", "myContacts", "coworkers", "sites", "departments"], groups.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheContactsAndCallHistoryPages()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var document = await host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/users/{extension}/contacts/import", out var import));
        Assert.Equal("Contacts", import.GetProperty("post").GetProperty("tags")[0].GetString());
        Assert.True(paths.TryGetProperty("/api/users/{extension}/call-history", out var history));
        Assert.Equal("Call History", history.GetProperty("get").GetProperty("tags")[0].GetString());
        Assert.True(paths.TryGetProperty("/api/users/{extension}/presence", out _));
    }

    private static MultipartFormDataContent Form(string csv, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "contacts.csv");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}
