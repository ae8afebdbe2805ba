using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K7.SampleHost.Voicemail;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class MessagesTests
{
    private const string Voicemail = "/api/users/me/messages/voicemail";

    [Fact]
    public async Task Ellen_SeesTheDemoVoicemails_ByFolder()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");

        var fresh = await List(ellen, "new");
        Assert.Equal(3, fresh.Length);
        Assert.Equal(["203", "203", "+12125550147"], fresh.Select(m => m.GetProperty("callerNumber").GetString()));
        Assert.Equal("Gary Smith", fresh[0].GetProperty("callerName").GetString());
        Assert.Equal(3.1, fresh[0].GetProperty("durationSeconds").GetDouble());
        var saved = Assert.Single(await List(ellen, "saved"));
        Assert.Equal("Suzanne May", saved.GetProperty("callerName").GetString());
        Assert.Empty(await List(ellen, "trash"));

        var oldestFirst = await ellen.GetFromJsonAsync<JsonElement[]>($"{Voicemail}?folder=new&sort=oldest");
        Assert.Equal("+12125550147", oldestFirst![0].GetProperty("callerNumber").GetString());

        var counts = await ellen.GetFromJsonAsync<JsonElement>($"{Voicemail}/counts");
        Assert.Equal(3, counts.GetProperty("new").GetInt32());
        Assert.Equal(1, counts.GetProperty("saved").GetInt32());
        Assert.Equal(4, counts.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_UnknownFolder_Is400NamingFolder()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.GetAsync($"{Voicemail}?folder=inbox");
        await AssertField(response, "folder");
    }

    [Fact]
    public async Task Save_Trash_Restore_Delete_MoveTheMessageThroughTheFolders()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var id = (await List(ellen, "new"))[0].GetProperty("id").GetString();

        var saved = await Post(ellen, $"{Voicemail}/{id}/save");
        Assert.Equal("saved", saved.GetProperty("folder").GetString());
        Assert.Equal(2, (await List(ellen, "new")).Length);

        using (var notInTrash = await ellen.DeleteAsync($"{Voicemail}/{id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, notInTrash.StatusCode);
        }

        Assert.Equal("trash", (await Post(ellen, $"{Voicemail}/{id}/trash")).GetProperty("folder").GetString());
        Assert.Equal("saved", (await Post(ellen, $"{Voicemail}/{id}/restore")).GetProperty("folder").GetString());
        using (var notInTrash = await ellen.PostAsync($"{Voicemail}/{id}/restore", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, notInTrash.StatusCode);
        }

        await Post(ellen, $"{Voicemail}/{id}/trash");
        using (var deleted = await ellen.DeleteAsync($"{Voicemail}/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await ellen.GetAsync($"{Voicemail}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(await List(ellen, "trash"));
    }

    [Fact]
    public async Task UnknownMessageId_Is404()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var bad = await ellen.PostAsync($"{Voicemail}/not-an-id/save", null);
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task Download_IsTheWav_WithRanges()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var message = (await List(ellen, "new"))[0];
        var url = message.GetProperty("audioUrl").GetString()!;

        using var whole = await ellen.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType!.MediaType);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(message.GetProperty("audioSize").GetInt64(), bytes.LongLength);
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(8, 11);
        using var part = await ellen.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("WAVE"u8.ToArray(), await part.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Forward_To203_AppearsAsNewInGarysMailbox()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var gary = await host.SignInAsync("203");
        Assert.Empty(await List(gary, "new"));
        var original = (await List(ellen, "new"))[2];

        using var response = await ellen.PostAsJsonAsync($"{Voicemail}/{original.GetProperty("id").GetString()}/forward", new { extension = "203" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var copy = Assert.Single(await List(gary, "new"));
        Assert.Equal("+12125550147", copy.GetProperty("callerNumber").GetString());
        Assert.Equal("202", copy.GetProperty("forwardedFrom").GetString());
        Assert.Equal(3, (await List(ellen, "new")).Length);
    }

    [Fact]
    public async Task Forward_ToUnknownExtension_Is400NamingExtension_AndCopiesNothing()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var id = (await List(ellen, "new"))[0].GetProperty("id").GetString();

        using var response = await ellen.PostAsJsonAsync($"{Voicemail}/{id}/forward", new { extension = "299" });
        await AssertField(response, "extension");

        using var gary = await host.SignInAsync("203");
        Assert.Empty(await List(gary, "new"));
    }

    [Fact]
    public async Task BasicUser_CannotReadAnotherUsersMessages()
    {
        await using var host = await Start();
        using var gary = await host.SignInAsync("203");
        using var response = await gary.GetAsync("/api/users/202/messages/voicemail?folder=new");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OfficeManager_ReadsButCannotChangeAnotherUsersMessages()
    {
        await using var host = await Start();
        using var suzanne = await host.SignInAsync("201");
        var list = await suzanne.GetFromJsonAsync<JsonElement[]>("/api/users/202/messages/voicemail?folder=new");
        Assert.Equal(3, list!.Length);

        using var save = await suzanne.PostAsync($"/api/users/202/messages/voicemail/{list[0].GetProperty("id").GetString()}/save", null);
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);

        using var ellen = await host.SignInAsync("202");
        Assert.Equal(3, (await List(ellen, "new")).Length);
    }

    [Fact]
    public async Task Settings_DefaultToTheProfileEmails()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var settings = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/settings");
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal("off", settings.GetProperty("notification").GetString());
        Assert.Equal("ellen.green@k7.example", Assert.Single(settings.GetProperty("emailAddresses").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Settings_SurviveARestart()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using (var host = await HostUnderTest.StartAsync(clock, folder))
            {
                using var ellen = await host.SignInAsync("202");
                using var put = await ellen.PutAsJsonAsync("/api/users/me/messages/settings", new
                {
                    enabled = true,
                    sortLatestFirst = false,
                    announceReceivedTime = true,
                    announceCallerId = true,
                    notification = "brief-attachment",
                    afterNotification = "move-to-trash",
                    emailAddresses = new[] { "ellen@example.com", "front-desk@example.com" },
                });
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }

            await using (var again = await HostUnderTest.StartAsync(clock, folder))
            {
                using var ellen = await again.SignInAsync("202");
                var settings = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/settings");
                Assert.False(settings.GetProperty("sortLatestFirst").GetBoolean());
                Assert.True(settings.GetProperty("announceCallerId").GetBoolean());
                Assert.Equal("brief-attachment", settings.GetProperty("notification").GetString());
                Assert.Equal("move-to-trash", settings.GetProperty("afterNotification").GetString());
                Assert.Equal(["ellen@example.com", "front-desk@example.com"], settings.GetProperty("emailAddresses").EnumerateArray().Select(e => e.GetString()));

                // The saved order is the list's default order.
                var fresh = await List(ellen, "new");
                Assert.Equal("+12125550147", fresh[0].GetProperty("callerNumber").GetString());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("hyperlink", "move-to-trash", "x@example.com", "afterNotification")]
    [InlineData("attachment", "leave-as-new", null, "emailAddresses")]
    [InlineData("attachment", "leave-as-new", "not an address", "emailAddresses[0]")]
    [InlineData("fax", "leave-as-new", "x@example.com", "notification")]
    public async Task Settings_Invalid_Is400NamingTheField_AndNothingIsSaved(string notification, string after, string? address, string field)
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var put = await ellen.PutAsJsonAsync("/api/users/me/messages/settings", new
        {
            enabled = false,
            notification,
            afterNotification = after,
            emailAddresses = address is null ? Array.Empty<string>() : [address],
        });
        await AssertField(put, field);

        var settings = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/settings");
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.False(File.Exists(Path.Combine(host.Folder, "voicemail-settings", "202.json")));
    }

    [Fact]
    public async Task Greetings_Upload_Activate_Download_Delete()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var wav = ToneWav.Create(700);
        using var created = await ellen.PostAsync("/api/users/me/messages/greetings", Multipart(wav, "hello.wav", ("name", "Office hours")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var greeting = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = greeting.GetProperty("id").GetString();
        Assert.Equal("upload", greeting.GetProperty("source").GetString());

        using (var clash = await ellen.PostAsync("/api/users/me/messages/greetings", Multipart(wav, "hello.wav", ("name", "office HOURS"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        }

        using (var active = await ellen.PutAsJsonAsync("/api/users/me/messages/greetings/active", new { id }))
        {
            Assert.Equal(HttpStatusCode.NoContent, active.StatusCode);
        }

        var list = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/greetings");
        Assert.Equal(id, list.GetProperty("activeId").GetString());
        Assert.True(Assert.Single(list.GetProperty("greetings").EnumerateArray()).GetProperty("active").GetBoolean());

        Assert.Equal(wav, await ellen.GetByteArrayAsync($"/api/users/me/messages/greetings/{id}/audio"));

        using (var deleted = await ellen.DeleteAsync($"/api/users/me/messages/greetings/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        list = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/greetings");
        Assert.Empty(list.GetProperty("greetings").EnumerateArray());
    }

    [Fact]
    public async Task Greetings_UploadThatIsNotAudio_Is400NamingFile_AndNothingIsStored()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.PostAsync("/api/users/me/messages/greetings", Multipart("just text, no audio"u8.ToArray(), "notes.wav", ("name", "Notes")));
        await AssertField(response, "file");

        using var missing = await ellen.PostAsync("/api/users/me/messages/greetings", new MultipartFormDataContent { { new StringContent("Empty"), "name" } });
        await AssertField(missing, "file");

        var list = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/greetings");
        Assert.Empty(list.GetProperty("greetings").EnumerateArray());
    }

    [Fact]
    public async Task Greetings_FromText_IsSpokenIntoAWav()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var created = await ellen.PostAsJsonAsync("/api/users/me/messages/greetings/text", new { name = "Spoken", text = "You have reached Ellen Green.", activate = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var greeting = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text-to-speech", greeting.GetProperty("source").GetString());
        Assert.True(greeting.GetProperty("durationSeconds").GetDouble() > 0.5);
        Assert.True(greeting.GetProperty("active").GetBoolean());

        using var empty = await ellen.PostAsJsonAsync("/api/users/me/messages/greetings/text", new { name = "Silent", text = " " });
        await AssertField(empty, "text");
    }

    [Fact]
    public async Task RecordedName_Upload_FromText_Delete()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using (var none = await ellen.GetAsync("/api/users/me/messages/recorded-name"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var wav = ToneWav.Create(500);
        using (var put = await ellen.PutAsync("/api/users/me/messages/recorded-name", Multipart(wav, "name.wav")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal(wav, await ellen.GetByteArrayAsync("/api/users/me/messages/recorded-name/audio"));

        using (var spoken = await ellen.PutAsJsonAsync("/api/users/me/messages/recorded-name/text", new { text = "Ellen Green" }))
        {
            Assert.Equal(HttpStatusCode.OK, spoken.StatusCode);
        }

        var name = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/recorded-name");
        Assert.Equal("Ellen Green", name.GetProperty("text").GetString());

        using (var bad = await ellen.PutAsync("/api/users/me/messages/recorded-name", Multipart("RIFF????WAVE"u8.ToArray(), "broken.wav")))
        {
            await AssertField(bad, "file");
        }

        Assert.Equal("Ellen Green", (await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/messages/recorded-name")).GetProperty("text").GetString());

        using (var deleted = await ellen.DeleteAsync("/api/users/me/messages/recorded-name"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await ellen.GetAsync("/api/users/me/messages/recorded-name");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    internal static MultipartFormDataContent Multipart(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    internal static async Task AssertField(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names no '{field}': {body}");
    }

    private static Task<HostUnderTest> Start() => HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));

    private static async Task<JsonElement[]> List(HttpClient client, string folder) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"{Voicemail}?folder={folder}"))!;

    private static async Task<JsonElement> Post(HttpClient client, string url)
    {
        using var response = await client.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
