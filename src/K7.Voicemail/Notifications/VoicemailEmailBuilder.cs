using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using NodaTime;
using NodaTime.Text;

namespace K7.Voicemail.Notifications;

/// <summary>Builds the e-mail that announces a new voicemail, in one of the four <see cref="VoicemailEmailKind"/> forms.</summary>
/// <remarks>
/// <para>
/// Every message is <c>multipart/alternative</c> (plain text and HTML, all values HTML-escaped), wrapped in
/// <c>multipart/mixed</c> with the recording (base64, <c>Content-Disposition: attachment</c> with its file name) for
/// the attachment kinds. A recording larger than <see cref="VoicemailEmailOptions.MaxAttachmentBytes"/> is replaced
/// by the portal link, and the body says so. The brief kinds have a short subject and a text body of at most
/// <see cref="BriefTextMaxLength"/> characters (the link itself is never cut, so only a link longer than that makes
/// it longer).
/// </para>
/// <para>
/// Each message has a new Message-Id (in the domain of the From address), a Date read from the <see cref="IClock"/>,
/// and the headers <c>X-K7-Voicemail-Id</c> (<see cref="VoicemailNotification.MessageId"/>) and <c>X-K7-Extension</c>.
/// Times are shown in the mailbox owner's time zone with their offset, formatted without culture. The builder is
/// immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class VoicemailEmailBuilder
{
    /// <summary>The longest text body of a brief notification, in characters (unless the link alone is longer).</summary>
    public const int BriefTextMaxLength = 160;

    /// <summary>The header that carries <see cref="VoicemailNotification.MessageId"/>.</summary>
    public const string VoicemailIdHeader = "X-K7-Voicemail-Id";

    /// <summary>The header that carries <see cref="VoicemailNotification.Extension"/>.</summary>
    public const string ExtensionHeader = "X-K7-Extension";

    private static readonly OffsetDateTimePattern FullTimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss o<+HH:mm>");

    private static readonly OffsetDateTimePattern ShortTimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm o<+HH:mm>");

    private readonly IClock _clock;
    private readonly MailboxAddress _from;
    private readonly string _messageIdDomain;
    private readonly NotificationTemplate _subject;
    private readonly NotificationTemplate _briefSubject;
    private readonly NotificationTemplate _link;
    private readonly long _maxAttachmentBytes;

    /// <summary>Initializes a new instance of the <see cref="VoicemailEmailBuilder"/> class.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="clock">The clock that dates the messages.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message lists every problem.</exception>
    public VoicemailEmailBuilder(VoicemailEmailOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        VoicemailEmailOptionsValidator.ThrowIfInvalid(options);
        _clock = clock;
        _from = MailboxAddress.Parse(options.From);
        var at = _from.Address.LastIndexOf('@');
        _messageIdDomain = at >= 0 && at < _from.Address.Length - 1 ? _from.Address[(at + 1)..] : "localhost";
        _ = NotificationTemplate.TryParse(options.SubjectTemplate, out _subject!, out _);
        _ = NotificationTemplate.TryParse(options.BriefSubjectTemplate, out _briefSubject!, out _);
        _ = NotificationTemplate.TryParse(options.LinkTemplate, out _link!, out _);
        _maxAttachmentBytes = options.MaxAttachmentBytes;
    }

    /// <summary>Initializes a new instance of the <see cref="VoicemailEmailBuilder"/> class.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="clock">The clock that dates the messages.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public VoicemailEmailBuilder(IOptions<VoicemailEmailOptions> options, IClock clock)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value, clock)
    {
    }

    /// <summary>Renders the portal link of a message (the <see cref="VoicemailEmailOptions.LinkTemplate"/>, values URL-escaped).</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The absolute link.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The extension or message id is empty, holds a control character, or is a dot segment (<c>.</c>, <c>..</c>) that would move the link.</exception>
    public Uri GetLink(VoicemailNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        CheckToken(notification.Extension, nameof(notification.Extension), nameof(notification));
        CheckToken(notification.MessageId, nameof(notification.MessageId), nameof(notification));
        return new Uri(_link.Render(GetValues(notification), EscapeUrlValue), UriKind.Absolute);
    }

    /// <summary>Builds the notification e-mail; for the attachment kinds, reads the recording.</summary>
    /// <param name="notification">The voicemail to announce.</param>
    /// <param name="cancellationToken">Cancels reading the recording.</param>
    /// <returns>The message, ready for an <see cref="IEmailSender"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> or one of its required values is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value of <paramref name="notification"/> is invalid (no recipients, an address that does not parse, a control character in the extension or message id, a negative duration, an attachment kind without audio); the message names the field.</exception>
    public async Task<MimeMessage> BuildAsync(VoicemailNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var recipients = Validate(notification);
        var values = GetValues(notification);
        var brief = notification.Kind is VoicemailEmailKind.BriefHyperlink or VoicemailEmailKind.BriefAttachment;
        var attach = notification.Kind is VoicemailEmailKind.Attachment or VoicemailEmailKind.BriefAttachment;

        AudioContent? audio = null;
        if (attach)
        {
            audio = await ReadAudioAsync(notification.Audio!, cancellationToken).ConfigureAwait(false);
        }

        var showLink = !attach || audio!.Bytes is null;
        var link = showLink ? _link.Render(values, EscapeUrlValue) : null;
        var content = brief
            ? BuildBrief(notification, values, link, audio)
            : BuildFull(notification, values, link, audio);

        var message = new MimeMessage();
        message.From.Add(_from);
        foreach (var recipient in recipients)
        {
            message.To.Add(recipient);
        }

        message.Subject = (brief ? _briefSubject : _subject).Render(values, static v => v);
        message.Date = _clock.GetCurrentInstant().ToDateTimeOffset();
        message.MessageId = MimeUtils.GenerateMessageId(_messageIdDomain);
        message.Headers.Add(VoicemailIdHeader, notification.MessageId);
        message.Headers.Add(ExtensionHeader, notification.Extension);

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = content.Text },
            new TextPart("html") { Text = content.Html },
        };

        if (audio?.Bytes is { } bytes)
        {
            var part = new MimePart(ContentType.Parse(notification.Audio!.MediaType))
            {
                Content = new MimeContent(new MemoryStream(bytes, writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = notification.Audio.FileName, Size = bytes.Length },
                ContentTransferEncoding = ContentEncoding.Base64,
            };
            message.Body = new Multipart("mixed") { alternative, part };
        }
        else
        {
            message.Body = alternative;
        }

        return message;
    }

    private static List<MailboxAddress> Validate(VoicemailNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification.Extension, "notification.Extension");
        ArgumentNullException.ThrowIfNull(notification.MessageId, "notification.MessageId");
        ArgumentNullException.ThrowIfNull(notification.CallerNumber, "notification.CallerNumber");
        ArgumentNullException.ThrowIfNull(notification.Recipients, "notification.Recipients");
        ArgumentNullException.ThrowIfNull(notification.TimeZone, "notification.TimeZone");
        CheckToken(notification.Extension, nameof(VoicemailNotification.Extension), nameof(notification));
        CheckToken(notification.MessageId, nameof(VoicemailNotification.MessageId), nameof(notification));
        if (notification.Duration < Duration.Zero)
        {
            throw new ArgumentException($"VoicemailNotification.Duration must not be negative (was {notification.Duration}).", nameof(notification));
        }

        if (!Enum.IsDefined(notification.Kind))
        {
            throw new ArgumentException($"VoicemailNotification.Kind {(int)notification.Kind} is not a VoicemailEmailKind.", nameof(notification));
        }

        if (notification.Kind is VoicemailEmailKind.Attachment or VoicemailEmailKind.BriefAttachment && notification.Audio is null)
        {
            throw new ArgumentException($"VoicemailNotification.Audio is required for Kind {notification.Kind} (message {notification.MessageId}).", nameof(notification));
        }

        if (notification.Recipients.Count == 0)
        {
            throw new ArgumentException($"VoicemailNotification.Recipients is empty (message {notification.MessageId}); at least one address is required.", nameof(notification));
        }

        var result = new List<MailboxAddress>(notification.Recipients.Count);
        for (var i = 0; i < notification.Recipients.Count; i++)
        {
            var text = notification.Recipients[i];
            if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(text, out var address) || address.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
            {
                throw new ArgumentException($"VoicemailNotification.Recipients[{i}] \"{text}\" is not an e-mail address.", nameof(notification));
            }

            if (string.IsNullOrEmpty(address.Name) && !string.IsNullOrWhiteSpace(notification.RecipientName))
            {
                address.Name = Clean(notification.RecipientName);
            }

            result.Add(address);
        }

        return result;
    }

    private static void CheckToken(string value, string field, string paramName)
    {
        if (value.Length == 0)
        {
            throw new ArgumentException($"VoicemailNotification.{field} must not be empty.", paramName);
        }

        if (value is "." or "..")
        {
            // A dot segment would be removed from the link's path by URI normalization: the link would point elsewhere.
            throw new ArgumentException($"VoicemailNotification.{field} must not be '{value}'.", paramName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                throw new ArgumentException($"VoicemailNotification.{field} holds a control character at position {i}.", paramName);
            }
        }
    }

    private static string[] GetValues(VoicemailNotification n)
    {
        var values = new string[NotificationTemplate.FieldNames.Length];
        var name = string.IsNullOrWhiteSpace(n.CallerName) ? null : Clean(n.CallerName);
        var number = Clean(n.CallerNumber ?? string.Empty);
        values[(int)TemplateField.Caller] = (name, number.Length) switch
        {
            (null, 0) => "Unknown caller",
            (null, _) => number,
            (_, 0) => name,
            _ => $"{name} ({number})",
        };
        values[(int)TemplateField.CallerName] = name ?? (number.Length == 0 ? "Unknown caller" : number);
        values[(int)TemplateField.CallerNumber] = number;
        values[(int)TemplateField.Extension] = n.Extension ?? string.Empty;
        values[(int)TemplateField.MessageId] = n.MessageId ?? string.Empty;
        values[(int)TemplateField.RecipientName] = Clean(n.RecipientName ?? string.Empty);
        values[(int)TemplateField.Duration] = FormatDuration(n.Duration);
        values[(int)TemplateField.ReceivedAt] = n.TimeZone is null ? string.Empty : FormatTime(n, FullTimePattern);
        return values;
    }

    /// <summary>Formats a duration as "m:ss", or "h:mm:ss" from one hour (whole seconds, rounded down).</summary>
    internal static string FormatDuration(Duration duration)
    {
        var seconds = Math.Max(0L, (long)Math.Floor(duration.TotalSeconds));
        var h = seconds / 3600;
        var m = seconds / 60 % 60;
        var s = seconds % 60;
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }

    private static string FormatTime(VoicemailNotification n, OffsetDateTimePattern pattern) =>
        pattern.Format(n.ReceivedAt.InZone(n.TimeZone).ToOffsetDateTime());

    /// <summary>Replaces control characters (line breaks, tabs) with spaces and trims, so a value stays on its line.</summary>
    internal static string Clean(string value)
    {
        var hasControl = false;
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                hasControl = true;
                break;
            }
        }

        if (!hasControl)
        {
            return value.Trim();
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>URL-escapes a value; unpaired surrogates (which have no UTF-8 form) become U+FFFD first.</summary>
    internal static string EscapeUrlValue(string value)
    {
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                value = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
                break;
            }
        }

        return Uri.EscapeDataString(value);
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);

    private static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    private string TooLargeText(AudioContent audio) => audio.Size is { } size
        ? $"The recording ({FormatSize(size)}) is larger than the {FormatSize(_maxAttachmentBytes)} attachment limit, so it is not attached."
        : $"The recording is larger than the {FormatSize(_maxAttachmentBytes)} attachment limit, so it is not attached.";

    private (string Text, string Html) BuildFull(VoicemailNotification n, string[] values, string? link, AudioContent? audio)
    {
        var caller = values[(int)TemplateField.Caller];
        var received = $"{values[(int)TemplateField.ReceivedAt]} ({n.TimeZone.Id})";
        var duration = values[(int)TemplateField.Duration];
        var recipient = values[(int)TemplateField.RecipientName];

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>New voicemail</title></head><body>\n");
        if (recipient.Length > 0)
        {
            text.Append("Hello ").Append(recipient).Append(",\n\n");
            html.Append("<p>Hello ").Append(Html(recipient)).Append(",</p>\n");
        }

        text.Append("You have a new voicemail in mailbox ").Append(n.Extension).Append(".\n\n");
        html.Append("<p>You have a new voicemail in mailbox ").Append(Html(n.Extension)).Append(".</p>\n");
        text.Append("From:     ").Append(caller).Append('\n');
        text.Append("Received: ").Append(received).Append('\n');
        text.Append("Duration: ").Append(duration).Append('\n');
        html.Append("<table>\n");
        html.Append("<tr><th align=\"left\">From</th><td>").Append(Html(caller)).Append("</td></tr>\n");
        html.Append("<tr><th align=\"left\">Received</th><td>").Append(Html(received)).Append("</td></tr>\n");
        html.Append("<tr><th align=\"left\">Duration</th><td>").Append(Html(duration)).Append("</td></tr>\n");
        html.Append("</table>\n");

        if (audio?.Bytes is not null)
        {
            var file = n.Audio!.FileName;
            text.Append("\nThe recording is attached (").Append(file).Append(").\n");
            html.Append("<p>The recording is attached (").Append(Html(file)).Append(").</p>\n");
        }
        else
        {
            if (audio is not null)
            {
                var note = TooLargeText(audio);
                text.Append('\n').Append(note).Append('\n');
                html.Append("<p>").Append(Html(note)).Append("</p>\n");
            }

            text.Append("\nListen to the message: ").Append(link).Append('\n');
            html.Append("<p><a href=\"").Append(Html(link!)).Append("\">Listen to the message</a></p>\n");
        }

        html.Append("</body></html>\n");
        return (text.ToString(), html.ToString());
    }

    private static (string Text, string Html) BuildBrief(VoicemailNotification n, string[] values, string? link, AudioContent? audio)
    {
        var caller = values[(int)TemplateField.Caller];
        var rest = $", {values[(int)TemplateField.Duration]}\n{FormatTime(n, ShortTimePattern)}";
        var tail = audio?.Bytes is not null
            ? "\nRecording attached."
            : audio is not null
                ? $"\nToo large to attach: {link}"
                : $"\n{link}";
        const string Lead = "Voicemail from ";

        // Shorten the caller to keep the body within the limit; the link is never cut.
        var room = BriefTextMaxLength - Lead.Length - rest.Length - tail.Length;
        if (caller.Length > room)
        {
            caller = room > 1 ? string.Concat(caller.AsSpan(0, room - 1).TrimEnd(), "\u2026") : string.Empty;
        }

        var text = string.Concat(Lead, caller, rest, tail);
        var lines = text.Split('\n');
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Voicemail</title></head><body>\n<p>");
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                html.Append("<br>\n");
            }

            var line = lines[i];
            if (link is not null && line.EndsWith(link, StringComparison.Ordinal))
            {
                html.Append(Html(line[..^link.Length])).Append("<a href=\"").Append(Html(link)).Append("\">").Append(Html(link)).Append("</a>");
            }
            else
            {
                html.Append(Html(line));
            }
        }

        html.Append("</p>\n</body></html>\n");
        return (text, html.ToString());
    }

    private async Task<AudioContent> ReadAudioAsync(VoicemailAudio audio, CancellationToken cancellationToken)
    {
        var stream = await audio.OpenAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The audio provider for \"{audio.FileName}\" returned no stream.");
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek)
            {
                var length = stream.Length - stream.Position;
                if (length > _maxAttachmentBytes)
                {
                    return new AudioContent(null, length);
                }
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxAttachmentBytes)
                {
                    return new AudioContent(null, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return new AudioContent(buffer.ToArray(), buffer.Length);
        }
    }

    private sealed record AudioContent(byte[]? Bytes, long? Size);
}
