using K7.Voicemail.Notifications;
using MimeKit;
using NodaTime;
using static K7.Voicemail.Tests.Notifications.NotificationTestData;

namespace K7.Voicemail.Tests.Notifications;

public sealed class VoicemailEmailBuilderTests
{
    private const string Link = "https://portal.example.com/messages/1001/msg%2042%2Fa";

    [Theory]
    [InlineData(VoicemailEmailKind.Hyperlink)]
    [InlineData(VoicemailEmailKind.BriefHyperlink)]
    [InlineData(VoicemailEmailKind.Attachment)]
    [InlineData(VoicemailEmailKind.BriefAttachment)]
    public async Task BuildAsync_AnyKind_HeadersSurviveParsing(VoicemailEmailKind kind)
    {
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(kind, AudioBytes(1000))));

        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal("voicemail@pbx.example.com", from.Address);
        Assert.Equal("Voicemail", from.Name);
        var to = message.To.Mailboxes.ToList();
        Assert.Equal(["ellen@example.com", "ellen.mobile@example.net"], to.Select(m => m.Address));
        Assert.Equal("Ellen Green", to[0].Name);
        Assert.Equal("Ellen Mobile", to[1].Name);
        Assert.Equal(Now.ToDateTimeOffset(), message.Date);
        Assert.EndsWith("@pbx.example.com", message.MessageId, StringComparison.Ordinal);
        Assert.Equal("msg 42/a", message.Headers[VoicemailEmailBuilder.VoicemailIdHeader]);
        Assert.Equal("1001", message.Headers[VoicemailEmailBuilder.ExtensionHeader]);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
    }

    [Fact]
    public async Task BuildAsync_Hyperlink_FullBodyWithEscapedLink()
    {
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Hyperlink)));

        Assert.Equal("New voicemail from Tim Garcia (+15551234567)", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        Assert.Equal("text/html", alternative[1].ContentType.MimeType);
        Assert.Empty(message.Attachments);

        var text = message.TextBody!;
        Assert.Contains("Hello Ellen Green,", text, StringComparison.Ordinal);
        Assert.Contains("mailbox 1001", text, StringComparison.Ordinal);
        Assert.Contains("From:     Tim Garcia (+15551234567)", text, StringComparison.Ordinal);
        Assert.Contains("Received: 2025-03-01 14:05:07 +01:00 (Europe/Paris)", text, StringComparison.Ordinal);
        Assert.Contains("Duration: 1:05", text, StringComparison.Ordinal);
        Assert.Contains(Link, text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Link}\">", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains("<table>", message.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_Attachment_AudioAttachedBase64WithFileName()
    {
        var audio = AudioBytes(20_000);
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Attachment, audio)));

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.IsType<MultipartAlternative>(mixed[0]);
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("audio/wav", part.ContentType.MimeType);
        Assert.Equal(ContentEncoding.Base64, part.ContentTransferEncoding);
        Assert.Equal(ContentDisposition.Attachment, part.ContentDisposition!.Disposition);
        Assert.Equal("voicemail-1001.wav", part.FileName);
        Assert.Equal(audio, DecodedContent(part));
        Assert.Contains("The recording is attached (voicemail-1001.wav).", message.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_BriefHyperlink_ShortSubjectAndBody()
    {
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.BriefHyperlink)));

        Assert.Equal("Voicemail: Tim Garcia (+15551234567)", message.Subject);
        var text = message.TextBody!.TrimEnd('\r', '\n');
        Assert.True(text.Length <= VoicemailEmailBuilder.BriefTextMaxLength, text);
        Assert.Equal(
            $"Voicemail from Tim Garcia (+15551234567), 1:05\n2025-03-01 14:05 +01:00\n{Link}",
            text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("<table", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{Link}\">", message.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_BriefAttachment_ShortBodyAndAudio()
    {
        var audio = AudioBytes(3000);
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.BriefAttachment, audio)));

        var text = message.TextBody!.TrimEnd('\r', '\n');
        Assert.True(text.Length <= VoicemailEmailBuilder.BriefTextMaxLength, text);
        Assert.EndsWith("Recording attached.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Equal(audio, DecodedContent(Assert.IsType<MimePart>(Assert.Single(message.Attachments))));
    }

    [Fact]
    public async Task BuildAsync_BriefWithLongCallerName_BodyWithinLimit()
    {
        var notification = Notification(VoicemailEmailKind.BriefHyperlink) with { CallerName = new string('N', 400) };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        var text = message.TextBody!.TrimEnd('\r', '\n').ReplaceLineEndings("\n");
        Assert.Equal(VoicemailEmailBuilder.BriefTextMaxLength, text.Length);
        Assert.Contains("N\u2026, 1:05", text, StringComparison.Ordinal);
        Assert.EndsWith(Link, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VoicemailEmailKind.Attachment)]
    [InlineData(VoicemailEmailKind.BriefAttachment)]
    public async Task BuildAsync_AudioOverLimit_FallsBackToLinkAndSaysSo(VoicemailEmailKind kind)
    {
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(kind, AudioBytes((64 * 1024) + 1))));

        Assert.Empty(message.Attachments);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains(Link, message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("large", message.TextBody!, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\"", message.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_UnseekableAudioOverLimit_FallsBackToLink()
    {
        var notification = Notification(VoicemailEmailKind.Attachment) with
        {
            Audio = new VoicemailAudio(_ => ValueTask.FromResult<Stream>(new UnseekableStream(AudioBytes(100_000))), "a.wav"),
        };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.Empty(message.Attachments);
        Assert.Contains("is larger than the 64 KiB attachment limit", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_AudioExactlyAtLimit_Attached()
    {
        var audio = AudioBytes(64 * 1024);
        var message = RoundTrip(await CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Attachment, audio)));

        Assert.Equal(audio, DecodedContent(Assert.IsType<MimePart>(Assert.Single(message.Attachments))));
    }

    [Fact]
    public async Task BuildAsync_ScriptInCallerName_EscapedInHtml()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { CallerName = "<script>alert('x')</script>&" };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.DoesNotContain("<script", message.HtmlBody!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;", message.HtmlBody!, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>&", message.TextBody!, StringComparison.Ordinal);
        Assert.Equal("New voicemail from <script>alert('x')</script>& (+15551234567)", message.Subject);
    }

    [Fact]
    public async Task BuildAsync_LineBreakInCallerName_SubjectStaysOneLine()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { CallerName = "Tim\r\nBcc: victim@example.com" };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.Equal("New voicemail from Tim  Bcc: victim@example.com (+15551234567)", message.Subject);
        Assert.Empty(message.Bcc);
    }

    [Theory]
    [InlineData("America/New_York", "2025-03-01 08:05:07 -05:00")]
    [InlineData("Asia/Kolkata", "2025-03-01 18:35:07 +05:30")]
    [InlineData("Etc/UTC", "2025-03-01 13:05:07 +00:00")]
    public async Task BuildAsync_TimeZone_ReceivedAtInZoneWithOffset(string zone, string expected)
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { TimeZone = DateTimeZoneProviders.Tzdb[zone] };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.Contains($"Received: {expected} ({zone})", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_DaylightSavingTime_UsesSummerOffset()
    {
        var notification = Notification(VoicemailEmailKind.BriefHyperlink) with
        {
            ReceivedAt = Instant.FromUtc(2025, 7, 14, 22, 30, 0),
            TimeZone = DateTimeZoneProviders.Tzdb["Europe/Paris"],
        };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.Contains("2025-07-15 00:30 +02:00", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NoCallerNameOrNumber_UnknownCaller()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { CallerName = null, CallerNumber = string.Empty, RecipientName = null };

        var message = RoundTrip(await CreateBuilder().BuildAsync(notification));

        Assert.Equal("New voicemail from Unknown caller", message.Subject);
        Assert.DoesNotContain("Hello", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_CustomTemplates_Rendered()
    {
        var options = Options();
        options.SubjectTemplate = "{{VM}} {CallerName} / {CallerNumber} for {RecipientName} at {ReceivedAt}, {Duration}";
        options.LinkTemplate = "https://portal.example.com/m?ext={Extension}&id={MessageId}";
        var builder = CreateBuilder(options);
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Duration = Duration.FromSeconds(3725) };

        var message = RoundTrip(await builder.BuildAsync(notification));

        Assert.Equal("{VM} Tim Garcia / +15551234567 for Ellen Green at 2025-03-01 14:05:07 +01:00, 1:02:05", message.Subject);
        Assert.Equal(new Uri("https://portal.example.com/m?ext=1001&id=msg%2042%2Fa"), builder.GetLink(notification));
        Assert.Contains("href=\"https://portal.example.com/m?ext=1001&amp;id=msg%2042%2Fa\"", message.HtmlBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_NoRecipients_ThrowsNamingField()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Recipients = [] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => CreateBuilder().BuildAsync(notification));

        Assert.Contains("Recipients", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_BadRecipient_ThrowsWithIndex()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Recipients = ["a@example.com", "not an address"] };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => CreateBuilder().BuildAsync(notification));

        Assert.Contains("Recipients[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_AttachmentKindWithoutAudio_Throws()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => CreateBuilder().BuildAsync(Notification(VoicemailEmailKind.Attachment)));

        Assert.Contains("Audio", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_ControlCharacterInMessageId_Throws()
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { MessageId = "a\nb" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => CreateBuilder().BuildAsync(notification));

        Assert.Contains("MessageId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var notification = Notification(VoicemailEmailKind.Attachment) with
        {
            Audio = new VoicemailAudio(ct => ValueTask.FromResult<Stream>(new UnseekableStream(AudioBytes(10))), "a.wav"),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateBuilder().BuildAsync(notification, cts.Token));
    }

    [Fact]
    public async Task BuildAsync_AudioStream_Disposed()
    {
        var stream = new UnseekableStream(AudioBytes(10));
        var notification = Notification(VoicemailEmailKind.Attachment) with
        {
            Audio = new VoicemailAudio(_ => ValueTask.FromResult<Stream>(stream), "a.wav"),
        };

        _ = await CreateBuilder().BuildAsync(notification);

        Assert.True(stream.Disposed);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(9.9, "0:09")]
    [InlineData(600, "10:00")]
    [InlineData(3600, "1:00:00")]
    public void FormatDuration_Seconds_MinutesAndSeconds(double seconds, string expected) =>
        Assert.Equal(expected, VoicemailEmailBuilder.FormatDuration(Duration.FromSeconds(seconds)));

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingProblems()
    {
        var options = new VoicemailEmailOptions { SubjectTemplate = "From {Nobody}", LinkTemplate = "/relative/{MessageId}" };

        var ex = Assert.Throws<ArgumentException>(() => CreateBuilder(options));

        Assert.Contains("From is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("{Nobody}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("absolute http or https", ex.Message, StringComparison.Ordinal);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public bool Disposed { get; private set; }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
