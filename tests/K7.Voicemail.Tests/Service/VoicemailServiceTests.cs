using K7.Voicemail.Audio;
using K7.Voicemail.Notifications;
using K7.Voicemail.Settings;
using K7.Voicemail.Storage;
using K7.Voicemail.Tests.Audio;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Service;

public sealed class VoicemailServiceTests
{
    private static readonly MailboxId Ellen = MailboxId.Parse("202");
    private static readonly MailboxId Tim = MailboxId.Parse("207");
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 26, 15, 0));
    private readonly InMemoryVoicemailSettingsStore _settings = new();
    private readonly CapturingSender _sender = new();
    private InMemoryVoicemailStore _store = null!;

    // 8 kHz µ-law mono: 8,000 bytes per second.
    private static MemoryStream Wav(int seconds) => new(WavBuilder.Simple(WavEncoding.MuLaw, 1, 8000, 8, 8000 * seconds));

    private VoicemailService CreateSut(int maxMessages = 200, IEmailSender? sender = null)
    {
        _store = new InMemoryVoicemailStore(_clock);
        var emails = new VoicemailEmailBuilder(
            new VoicemailEmailOptions { From = "voicemail@pbx.example.com", LinkTemplate = "https://portal.example.com/messages/{Extension}/{MessageId}" }, _clock);
        var options = Options.Create(new VoicemailOptions { MaxMessages = maxMessages, MaxMessageLength = Duration.FromSeconds(60), TimeZone = "America/New_York" });
        return new VoicemailService(_store, _settings, emails, sender ?? _sender, options);
    }

    private ValueTask Settings(EmailNotification notification, AfterNotification after, bool latestFirst = true) =>
        _settings.SetAsync(Ellen, new VoicemailSettings
        {
            Notification = notification,
            AfterNotification = after,
            SortLatestFirst = latestFirst,
            EmailAddresses = notification == EmailNotification.Off ? [] : ["ellen.green@example.com"],
        });

    [Fact]
    public async Task Deposit_Wav_StoredAsNewWithDurationFromTheFile()
    {
        var sut = CreateSut();
        var result = await sut.DepositAsync(Ellen, "+15551234567", "Tim Garcia", _clock.GetCurrentInstant(), Wav(12));
        Assert.Equal(VoicemailFolder.New, result.Message.Folder);
        Assert.Equal(Duration.FromSeconds(12), result.Message.Duration);
        Assert.Equal("mulaw", result.Message.AudioFormat);
        Assert.Equal(VoicemailNotificationOutcome.NotWanted, result.Notification);
        Assert.Equal(new VoicemailCounts(1, 0, 0), await sut.CountsAsync(Ellen));
    }

    [Fact]
    public async Task Deposit_NotWav_RefusedWithPositionedError()
    {
        var sut = CreateSut();
        var ex = await Assert.ThrowsAsync<VoicemailFormatException>(() => sut.DepositAsync(Ellen, "+15551234567", null, _clock.GetCurrentInstant(), new MemoryStream("ID3 not a wav"u8.ToArray())));
        Assert.Equal(0, (await sut.CountsAsync(Ellen)).Total);
        Assert.NotNull(ex.Message);
    }

    [Fact]
    public async Task Deposit_TooLong_RefusedAndNothingStored()
    {
        var sut = CreateSut();
        var ex = await Assert.ThrowsAsync<VoicemailQuotaException>(() => sut.DepositAsync(Ellen, "+15551234567", null, _clock.GetCurrentInstant(), Wav(61)));
        Assert.Contains("longest accepted is 60 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await sut.CountsAsync(Ellen)).Total);
    }

    [Fact]
    public async Task Deposit_MailboxFull_Refused()
    {
        var sut = CreateSut(maxMessages: 2);
        await sut.DepositAsync(Ellen, "1", null, _clock.GetCurrentInstant(), Wav(1));
        await sut.DepositAsync(Ellen, "2", null, _clock.GetCurrentInstant(), Wav(1));
        var ex = await Assert.ThrowsAsync<VoicemailQuotaException>(() => sut.DepositAsync(Ellen, "3", null, _clock.GetCurrentInstant(), Wav(1)));
        Assert.Equal(Ellen, ex.Mailbox);
    }

    [Fact]
    public async Task Deposit_VoicemailOff_Refused()
    {
        var sut = CreateSut();
        await _settings.SetAsync(Ellen, new VoicemailSettings { Enabled = false });
        await Assert.ThrowsAsync<VoicemailQuotaException>(() => sut.DepositAsync(Ellen, "1", null, _clock.GetCurrentInstant(), Wav(1)));
    }

    [Theory]
    [InlineData(EmailNotification.Attachment, AfterNotification.MoveToTrash, VoicemailFolder.Trash)]
    [InlineData(EmailNotification.BriefAttachment, AfterNotification.MoveToSaved, VoicemailFolder.Saved)]
    [InlineData(EmailNotification.Hyperlink, AfterNotification.MoveToSaved, VoicemailFolder.Saved)]
    [InlineData(EmailNotification.BriefHyperlink, AfterNotification.LeaveAsNew, VoicemailFolder.New)]
    public async Task Deposit_WithNotification_SendsMailThenAppliesTheAfterAction(EmailNotification notification, AfterNotification after, VoicemailFolder expected)
    {
        var sut = CreateSut();
        await Settings(notification, after);
        var result = await sut.DepositAsync(Ellen, "+15551234567", "Tim Garcia", _clock.GetCurrentInstant(), Wav(3));

        Assert.Equal(VoicemailNotificationOutcome.Sent, result.Notification);
        Assert.Equal(expected, result.Message.Folder);
        var mail = Assert.Single(_sender.Sent);
        Assert.Equal("ellen.green@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal(result.Message.Id.ToString(), mail.Headers[VoicemailEmailBuilder.VoicemailIdHeader]);
        var attachment = mail.Attachments.OfType<MimePart>().SingleOrDefault();
        Assert.Equal(notification is EmailNotification.Attachment or EmailNotification.BriefAttachment, attachment is not null);
    }

    [Fact]
    public async Task Deposit_MailFails_MessageStaysNew()
    {
        var sut = CreateSut(sender: new FailingSender());
        await Settings(EmailNotification.Attachment, AfterNotification.MoveToTrash);
        var result = await sut.DepositAsync(Ellen, "+15551234567", null, _clock.GetCurrentInstant(), Wav(2));
        Assert.Equal(VoicemailNotificationOutcome.Failed, result.Notification);
        Assert.Equal(VoicemailFolder.New, result.Message.Folder);
        Assert.Equal(new VoicemailCounts(1, 0, 0), await sut.CountsAsync(Ellen));
    }

    [Fact]
    public async Task List_FollowsTheUsersOrder()
    {
        var sut = CreateSut();
        await sut.DepositAsync(Ellen, "first", null, _clock.GetCurrentInstant(), Wav(1));
        await sut.DepositAsync(Ellen, "second", null, _clock.GetCurrentInstant() + Duration.FromMinutes(1), Wav(1));
        Assert.Equal(["second", "first"], (await sut.ListAsync(Ellen, VoicemailFolder.New)).Select(m => m.CallerNumber));
        await Settings(EmailNotification.Off, AfterNotification.LeaveAsNew, latestFirst: false);
        Assert.Equal(["first", "second"], (await sut.ListAsync(Ellen, VoicemailFolder.New)).Select(m => m.CallerNumber));
    }

    [Fact]
    public async Task SaveTrashRestoreDeleteForwardDownload_AsThePageDoes()
    {
        var sut = CreateSut();
        var message = (await sut.DepositAsync(Ellen, "+15551234567", "Tim Garcia", _clock.GetCurrentInstant(), Wav(2))).Message;
        Assert.Equal(VoicemailFolder.Saved, (await sut.SaveAsync(Ellen, message.Id))!.Folder);
        Assert.Equal(VoicemailFolder.Trash, (await sut.TrashAsync(Ellen, message.Id))!.Folder);
        Assert.Equal(VoicemailFolder.Saved, (await sut.RestoreAsync(Ellen, message.Id))!.Folder);

        var copy = await sut.ForwardAsync(Ellen, message.Id, Tim);
        Assert.NotNull(copy);
        Assert.Equal(VoicemailFolder.New, copy.Folder);
        Assert.Equal(new VoicemailCounts(1, 0, 0), await sut.CountsAsync(Tim));

        await using (var audio = await sut.DownloadAsync(Ellen, message.Id))
        {
            Assert.NotNull(audio);
            Assert.Equal(Duration.FromSeconds(2), WavReader.Read(audio).Duration);
        }

        Assert.True(await sut.DeleteAsync(Ellen, message.Id));
        Assert.Equal(0, (await sut.CountsAsync(Ellen)).Total);
        Assert.Equal(1, (await sut.CountsAsync(Tim)).Total);
    }

    private sealed class CapturingSender : IEmailSender
    {
        public List<MimeMessage> Sent { get; } = [];

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSender : IEmailSender
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default) =>
            throw new VoicemailDeliveryException("SMTP server unreachable");
    }
}
