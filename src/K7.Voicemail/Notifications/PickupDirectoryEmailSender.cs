using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K7.Voicemail.Notifications;

/// <summary>Delivers messages as <c>.eml</c> files into a folder, for a local mail relay to pick up (the default sender, needing no network).</summary>
/// <remarks>
/// <para>
/// Each message becomes <c>&lt;Message-Id&gt;.eml</c> (characters outside letters, digits, '.', '-' and '_' replaced
/// with '_'). The file appears atomically: the message is written to a hidden temporary file in the same folder
/// (<c>.*.tmp</c>, which pickup readers ignore), flushed to disk, then renamed; a reader never sees a partial file.
/// An existing file is never overwritten: delivering a message whose file exists fails with
/// <see cref="VoicemailDeliveryException"/>. A failed delivery leaves no temporary file behind.
/// </para>
/// <para>The sender is thread-safe.</para>
/// </remarks>
public sealed class PickupDirectoryEmailSender : IEmailSender
{
    private readonly string _directory;

    /// <summary>Initializes a new instance of the <see cref="PickupDirectoryEmailSender"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="PickupDirectoryEmailOptions.Directory"/> is empty.</exception>
    public PickupDirectoryEmailSender(PickupDirectoryEmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            throw new ArgumentException("PickupDirectoryEmailOptions.Directory is required.", nameof(options));
        }

        _directory = Path.GetFullPath(options.Directory);
    }

    /// <summary>Initializes a new instance of the <see cref="PickupDirectoryEmailSender"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="PickupDirectoryEmailOptions.Directory"/> is empty.</exception>
    public PickupDirectoryEmailSender(IOptions<PickupDirectoryEmailOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Gets the full path of the folder the messages are written to.</summary>
    public string Directory => _directory;

    /// <summary>Gets the file name a message is written to, <c>&lt;Message-Id&gt;.eml</c> with unsafe characters replaced.</summary>
    /// <param name="message">The message, with a Message-Id.</param>
    /// <returns>The file name, without a folder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> has no Message-Id.</exception>
    public static string GetFileName(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.MessageId))
        {
            throw new ArgumentException("The message has no Message-Id; the pickup file is named after it.", nameof(message));
        }

        var builder = new StringBuilder(message.MessageId.Length + 4);
        foreach (var c in message.MessageId)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        // A leading dot would hide the file and look like a temporary file.
        if (builder[0] == '.')
        {
            builder[0] = '_';
        }

        return builder.Append(".eml").ToString();
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="message"/> has no Message-Id.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var fileName = GetFileName(message);
        var target = Path.Combine(_directory, fileName);
        var temp = Path.Combine(_directory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            if (File.Exists(target))
            {
                throw new VoicemailDeliveryException($"The pickup file \"{target}\" already exists; message <{message.MessageId}> was not written again.", message.MessageId, null);
            }

            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await message.WriteToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not VoicemailDeliveryException)
        {
            TryDelete(temp);
            var reason = File.Exists(target) ? "the file already exists" : ex.Message;
            throw new VoicemailDeliveryException($"Writing message <{message.MessageId}> to the pickup file \"{target}\" failed: {reason}", message.MessageId, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is hidden and ignored by pickup readers.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
