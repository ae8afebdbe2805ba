using MimeKit;

namespace K7.Voicemail.Notifications;

/// <summary>The recording of a voicemail, as attached to an e-mail notification.</summary>
/// <remarks>
/// The recording is opened only when an attachment kind of notification is built, through <see cref="OpenAsync"/>;
/// the builder disposes the stream it returns. Instances are immutable and thread-safe when the delegate is.
/// </remarks>
public sealed class VoicemailAudio
{
    /// <summary>The media type of a WAV recording, "audio/wav".</summary>
    public const string WavMediaType = "audio/wav";

    /// <summary>Initializes a new instance of the <see cref="VoicemailAudio"/> class.</summary>
    /// <param name="openAsync">Opens a readable stream over the recording; called once per build.</param>
    /// <param name="fileName">The file name shown for the attachment, such as "voicemail-1001.wav".</param>
    /// <param name="mediaType">The media type of the recording, such as "audio/wav".</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty, holds control characters or a path separator, or <paramref name="mediaType"/> is not a media type.</exception>
    public VoicemailAudio(Func<CancellationToken, ValueTask<Stream>> openAsync, string fileName, string mediaType = WavMediaType)
    {
        ArgumentNullException.ThrowIfNull(openAsync);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        foreach (var c in fileName)
        {
            if (char.IsControl(c) || c is '/' or '\\')
            {
                throw new ArgumentException($"The attachment file name \"{fileName}\" holds a control character or a path separator.", nameof(fileName));
            }
        }

        if (!ContentType.TryParse(mediaType, out var contentType) || contentType.MediaSubtype.Length == 0)
        {
            throw new ArgumentException($"\"{mediaType}\" is not a media type (expected a type/subtype such as \"audio/wav\").", nameof(mediaType));
        }

        OpenAsync = openAsync;
        FileName = fileName;
        MediaType = contentType.MimeType;
    }

    /// <summary>Gets the delegate that opens a readable stream over the recording.</summary>
    public Func<CancellationToken, ValueTask<Stream>> OpenAsync { get; }

    /// <summary>Gets the file name shown for the attachment.</summary>
    public string FileName { get; }

    /// <summary>Gets the media type of the recording (type/subtype, without parameters).</summary>
    public string MediaType { get; }
}
