using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using K7.SampleHost.Music;
using K7.SampleHost.Voicemail;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class MusicOnHoldTests
{
    private const string Page = "/api/users/me/music-on-hold";

    /// <summary>An ID3v2.4 tag header followed by one MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz).</summary>
    private static readonly byte[] Mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, .. new byte[413]];

    [Fact]
    public async Task DemoData_Has202sTrackAndMessage_AndTheDefaultGap()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var page = await ellen.GetFromJsonAsync<JsonElement>(Page);
        Assert.Equal(15, page.GetProperty("secondsBetweenMessages").GetInt32());
        Assert.False(page.GetProperty("randomize").GetBoolean());
        Assert.Equal("Demo tone", Assert.Single(page.GetProperty("music").EnumerateArray()).GetProperty("name").GetString());
        var message = Assert.Single(page.GetProperty("messages").EnumerateArray());
        var audio = await ellen.GetByteArrayAsync(message.GetProperty("audioUrl").GetString());
        Assert.Equal("RIFF"u8.ToArray(), audio[..4]);
    }

    [Fact]
    public async Task Music_Upload_Rename_Reorder_Download_Delete()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var demo = Ids(await ellen.GetFromJsonAsync<JsonElement>(Page), "music")[0];
        var wav = ToneWav.Create(300);

        var first = await Created(ellen, $"{Page}/music", MessagesTests.Multipart(wav, "tune.wav", ("name", "Tune")));
        Assert.Equal("wav", first.GetProperty("format").GetString());
        var second = await Created(ellen, $"{Page}/music", MessagesTests.Multipart(Mp3, "song.mp3"));
        Assert.Equal("mp3", second.GetProperty("format").GetString());
        Assert.Equal("song", second.GetProperty("name").GetString());
        var tune = first.GetProperty("id").GetString()!;
        var song = second.GetProperty("id").GetString()!;

        using (var rename = await ellen.PutAsJsonAsync($"{Page}/music/{tune}", new { name = "Morning tune" }))
        {
            Assert.Equal("Morning tune", (await rename.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        }

        using (var reorder = await ellen.PutAsJsonAsync($"{Page}/music/order", new { ids = new[] { song, demo, tune } }))
        {
            Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        }

        var page = await ellen.GetFromJsonAsync<JsonElement>(Page);
        Assert.Equal([song, demo, tune], Ids(page, "music"));
        Assert.Equal(wav, await ellen.GetByteArrayAsync($"{Page}/music/{tune}/audio"));
        Assert.Equal(Mp3, await ellen.GetByteArrayAsync($"{Page}/music/{song}/audio"));

        using (var deleted = await ellen.DeleteAsync($"{Page}/music/{song}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal([demo, tune], Ids(await ellen.GetFromJsonAsync<JsonElement>(Page), "music"));
        var files = Directory.GetFiles(Path.Combine(host.Folder, "music", "202")).Select(Path.GetFileName).Order().ToArray();
        Assert.DoesNotContain(files, f => f!.EndsWith(".mp3", StringComparison.Ordinal));
        Assert.Equal(4, files.Length); // two tracks, the demo message and the index
    }

    [Theory]
    [InlineData("text")]
    [InlineData("riff-without-fmt")]
    [InlineData("empty")]
    [InlineData("too-large")]
    public async Task Upload_ThatIsNotMp3OrWav_Is400NamingFile_AndNothingIsStored(string kind)
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var folder = Path.Combine(host.Folder, "music", "202");
        var before = Directory.GetFiles(folder).Order().ToArray();
        byte[] content = kind switch
        {
            "text" => "title,artist\nnot,audio\n"u8.ToArray(),
            "riff-without-fmt" => [.. "RIFF"u8, 12, 0, 0, 0, .. "WAVE"u8, .. "data"u8, 0, 0, 0, 0],
            "empty" => [],
            _ => [.. ToneWav.Create(50), .. new byte[MusicOnHoldStore.MaxFileBytes]],
        };

        using var response = await ellen.PostAsync($"{Page}/music", MessagesTests.Multipart(content, "upload.wav"));
        await MessagesTests.AssertField(response, "file");

        Assert.Equal(before, Directory.GetFiles(folder).Order().ToArray());
        Assert.Single((await ellen.GetFromJsonAsync<JsonElement>(Page)).GetProperty("music").EnumerateArray());
    }

    [Theory]
    [InlineData(4)]
    [InlineData(601)]
    public async Task SecondsBetweenMessages_OutsideTheBounds_Is400_AndUnchanged(int seconds)
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.PutAsJsonAsync($"{Page}/settings", new { randomize = true, secondsBetweenMessages = seconds });
        await MessagesTests.AssertField(response, "secondsBetweenMessages");
        var page = await ellen.GetFromJsonAsync<JsonElement>(Page);
        Assert.Equal(15, page.GetProperty("secondsBetweenMessages").GetInt32());
        Assert.False(page.GetProperty("randomize").GetBoolean());
    }

    [Fact]
    public async Task Settings_AreSaved()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.PutAsJsonAsync($"{Page}/settings", new { randomize = true, secondsBetweenMessages = 30 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ellen.GetFromJsonAsync<JsonElement>(Page);
        Assert.Equal(30, page.GetProperty("secondsBetweenMessages").GetInt32());
        Assert.True(page.GetProperty("randomize").GetBoolean());
        Assert.Single(page.GetProperty("music").EnumerateArray());
    }

    [Fact]
    public async Task Messages_Duplicate_Reorder_FromText_Delete()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        var original = Ids(await ellen.GetFromJsonAsync<JsonElement>(Page), "messages")[0];

        var copy = await Created(ellen, $"{Page}/messages/{original}/duplicate", null);
        Assert.Equal("Please hold (copy)", copy.GetProperty("name").GetString());
        var copyId = copy.GetProperty("id").GetString()!;
        Assert.Equal(
            await ellen.GetByteArrayAsync($"{Page}/messages/{original}/audio"),
            await ellen.GetByteArrayAsync($"{Page}/messages/{copyId}/audio"));

        var spoken = await Created(ellen, $"{Page}/messages/text", JsonContent.Create(new { name = "Important", text = "Your call is important to us." }));
        Assert.Equal("Your call is important to us.", spoken.GetProperty("text").GetString());
        var spokenId = spoken.GetProperty("id").GetString()!;
        Assert.Equal("RIFF"u8.ToArray(), (await ellen.GetByteArrayAsync($"{Page}/messages/{spokenId}/audio"))[..4]);

        using (var missingOne = await ellen.PutAsJsonAsync($"{Page}/messages/order", new { ids = new[] { spokenId, original } }))
        {
            await MessagesTests.AssertField(missingOne, "ids");
        }

        Assert.Equal([original, copyId, spokenId], Ids(await ellen.GetFromJsonAsync<JsonElement>(Page), "messages"));

        using (var reorder = await ellen.PutAsJsonAsync($"{Page}/messages/order", new { ids = new[] { spokenId, original, copyId } }))
        {
            Assert.Equal(HttpStatusCode.OK, reorder.StatusCode);
        }

        using (var deleted = await ellen.DeleteAsync($"{Page}/messages/{original}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal([spokenId, copyId], Ids(await ellen.GetFromJsonAsync<JsonElement>(Page), "messages"));

        using var noText = await ellen.PostAsJsonAsync($"{Page}/messages/text", new { name = "Nothing", text = "" });
        await MessagesTests.AssertField(noText, "text");
    }

    [Fact]
    public async Task UnknownItem_Is404()
    {
        await using var host = await Start();
        using var ellen = await host.SignInAsync("202");
        using var response = await ellen.DeleteAsync($"{Page}/music/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OrphanFile_IsRemovedAtTheNextStart_AndTheIndexKeepsItsFiles()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string orphan;
            await using (var host = await HostUnderTest.StartAsync(clock, folder))
            {
                // As if the process died after writing an upload's file but before its index.
                orphan = Path.Combine(folder, "music", "202", Guid.NewGuid().ToString("N") + ".wav");
                await File.WriteAllBytesAsync(orphan, ToneWav.Create(100));
            }

            await using (var again = await HostUnderTest.StartAsync(clock, folder))
            {
                Assert.False(File.Exists(orphan));
                using var ellen = await again.SignInAsync("202");
                var page = await ellen.GetFromJsonAsync<JsonElement>(Page);
                foreach (var item in page.GetProperty("music").EnumerateArray().Concat(page.GetProperty("messages").EnumerateArray()))
                {
                    using var audio = await ellen.GetAsync(item.GetProperty("audioUrl").GetString());
                    Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
                }

                Assert.Equal(2, page.GetProperty("music").GetArrayLength() + page.GetProperty("messages").GetArrayLength());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task BasicUser_CannotSeeAnotherUsersMusic_OfficeManagerReadsButCannotChange()
    {
        await using var host = await Start();
        using var gary = await host.SignInAsync("203");
        using (var forbidden = await gary.GetAsync("/api/users/202/music-on-hold"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var suzanne = await host.SignInAsync("201");
        var page = await suzanne.GetFromJsonAsync<JsonElement>("/api/users/202/music-on-hold");
        var id = Ids(page, "music")[0];
        using var delete = await suzanne.DeleteAsync($"/api/users/202/music-on-hold/music/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Single((await suzanne.GetFromJsonAsync<JsonElement>("/api/users/202/music-on-hold")).GetProperty("music").EnumerateArray());
    }

    private static Task<HostUnderTest> Start() => HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));

    private static string[] Ids(JsonElement page, string list) =>
        [.. page.GetProperty(list).EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static async Task<JsonElement> Created(HttpClient client, string url, HttpContent? content)
    {
        using var response = await client.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
