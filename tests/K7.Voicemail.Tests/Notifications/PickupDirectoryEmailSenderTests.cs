using K7.Voicemail.Notifications;
using MimeKit;
using static K7.Voicemail.Tests.Notifications.NotificationTestData;

namespace K7.Voicemail.Tests.Notifications;

public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "k7-pickup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Message_WritesParseableEmlAndNoTempFile()
    {
        var audio = AudioBytes(5000);
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Attachment, audio));
        var sender = CreateSut();

        await sender.SendAsync(message);

        var file = Assert.Single(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(sender.Directory, PickupDirectoryEmailSender.GetFileName(message)), file);
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var loaded = await MimeMessage.LoadAsync(file);
        Assert.Equal(message.MessageId, loaded.MessageId);
        Assert.Equal(message.Subject, loaded.Subject);
        Assert.Equal(["ellen@example.com", "ellen.mobile@example.net"], loaded.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(audio, DecodedContent(Assert.IsType<MimePart>(Assert.Single(loaded.Attachments))));
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_NeverOverwrites()
    {
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Hyperlink));
        var sender = CreateSut();
        await sender.SendAsync(message);
        var file = Path.Combine(sender.Directory, PickupDirectoryEmailSender.GetFileName(message));
        var before = await File.ReadAllBytesAsync(file);
        message.Subject = "changed";

        var ex = await Assert.ThrowsAsync<VoicemailDeliveryException>(() => sender.SendAsync(message));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal(message.MessageId, ex.EmailMessageId);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task SendAsync_ManyMessages_OneFileEach()
    {
        var builder = CreateBuilder();
        var sender = CreateSut();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            await sender.SendAsync(await builder.BuildAsync(Notification(VoicemailEmailKind.BriefHyperlink) with { MessageId = $"m{i}" }))));

        var files = Directory.GetFiles(_directory);
        Assert.Equal(20, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Cancelled_LeavesNothing()
    {
        var message = await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Hyperlink));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut().SendAsync(message, cts.Token));

        Assert.Empty(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public async Task SendAsync_NoMessageId_Throws()
    {
        var message = new MimeMessage { Subject = "x" };
        message.Headers.Remove(HeaderId.MessageId);

        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().SendAsync(message));
    }

    [Fact]
    public void GetFileName_UnsafeCharacters_Replaced()
    {
        var message = new MimeMessage { MessageId = "../a/b@example.com" };

        Assert.Equal("_._a_b_example.com.eml", PickupDirectoryEmailSender.GetFileName(message));
    }

    [Fact]
    public void Constructor_EmptyDirectory_Throws() =>
        Assert.Throws<ArgumentException>(() => new PickupDirectoryEmailSender(new PickupDirectoryEmailOptions()));

    private PickupDirectoryEmailSender CreateSut() => new(new PickupDirectoryEmailOptions { Directory = _directory });
}
