using K7.Voicemail.Notifications;
using MimeKit;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Notifications;

internal static class NotificationTestData
{
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 1, 13, 30, 0);

    public static readonly Instant ReceivedAt = Instant.FromUtc(2025, 3, 1, 13, 5, 7);

    public static VoicemailEmailOptions Options() => new()
    {
        From = "Voicemail <voicemail@pbx.example.com>",
        LinkTemplate = "https://portal.example.com/messages/{Extension}/{MessageId}",
        MaxAttachmentBytes = 64 * 1024,
    };

    public static VoicemailEmailBuilder CreateBuilder(VoicemailEmailOptions? options = null) =>
        new(options ?? Options(), new FakeClock(Now));

    public static byte[] AudioBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    public static VoicemailNotification Notification(VoicemailEmailKind kind, byte[]? audio = null) => new()
    {
        Extension = "1001",
        RecipientName = "Ellen Green",
        Recipients = ["ellen@example.com", "Ellen Mobile <ellen.mobile@example.net>"],
        MessageId = "msg 42/a",
        CallerNumber = "+15551234567",
        CallerName = "Tim Garcia",
        ReceivedAt = ReceivedAt,
        TimeZone = DateTimeZoneProviders.Tzdb["Europe/Paris"],
        Duration = Duration.FromSeconds(65),
        Kind = kind,
        Audio = audio is null
            ? null
            : new VoicemailAudio(_ => ValueTask.FromResult<Stream>(new MemoryStream(audio, writable: false)), "voicemail-1001.wav"),
    };

    public static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    public static byte[] DecodedContent(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
