using System.Buffers;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace K7.Voicemail.Storage;

/// <summary>Writes and reads the JSON metadata file of one message (format version 1).</summary>
internal static class VoicemailMetadataSerializer
{
    public const int Version = 1;

    public static byte[] Serialize(VoicemailMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteString("id", message.Id.ToString());
            writer.WriteString("mailbox", message.Mailbox.Value);
            writer.WriteString("folder", FolderName(message.Folder));
            writer.WriteString("callerNumber", message.CallerNumber);
            if (message.CallerName is null)
            {
                writer.WriteNull("callerName");
            }
            else
            {
                writer.WriteString("callerName", message.CallerName);
            }

            writer.WriteString("receivedAt", InstantPattern.ExtendedIso.Format(message.ReceivedAt));
            writer.WriteString("duration", DurationPattern.Roundtrip.Format(message.Duration));
            writer.WriteString("audioFormat", message.AudioFormat);
            writer.WriteNumber("audioSize", message.AudioSize);
            if (message.ForwardedFrom is null)
            {
                writer.WriteNull("forwardedFrom");
            }
            else
            {
                writer.WriteString("forwardedFrom", message.ForwardedFrom.Value);
            }

            writer.WriteString("folderChangedAt", InstantPattern.ExtendedIso.Format(message.FolderChangedAt));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a metadata file's content.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="fileName">The file's path, named by errors.</param>
    /// <returns>The message.</returns>
    /// <exception cref="VoicemailFormatException">The content is not a version 1 metadata record; <see cref="VoicemailFormatException.Field"/> is <paramref name="fileName"/>.</exception>
    public static VoicemailMessage Deserialize(ReadOnlyMemory<byte> utf8, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new VoicemailFormatException(
                $"The voicemail metadata file '{fileName}' is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}",
                ex.BytePositionInLine ?? 0,
                (ex.LineNumber ?? 0) + 1,
                fileName,
                ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error(fileName, "the root is not an object");
            }

            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var vi) ? vi : -1;
            if (version != Version)
            {
                throw Error(fileName, $"'version' must be {Version}");
            }

            try
            {
                return new VoicemailMessage
                {
                    Id = VoicemailMessageId.Parse(RequiredString(root, "id", fileName)),
                    Mailbox = MailboxId.Parse(RequiredString(root, "mailbox", fileName)),
                    Folder = ParseFolder(RequiredString(root, "folder", fileName), fileName),
                    CallerNumber = RequiredString(root, "callerNumber", fileName),
                    CallerName = OptionalString(root, "callerName", fileName),
                    ReceivedAt = ParseInstant(root, "receivedAt", fileName),
                    Duration = ParseDuration(root, "duration", fileName),
                    AudioFormat = RequiredString(root, "audioFormat", fileName),
                    AudioSize = ParseSize(root, fileName),
                    ForwardedFrom = OptionalString(root, "forwardedFrom", fileName) is { } f ? MailboxId.Parse(f) : null,
                    FolderChangedAt = ParseInstant(root, "folderChangedAt", fileName),
                };
            }
            catch (VoicemailFormatException ex) when (ex.Field != fileName)
            {
                throw Error(fileName, ex.Message, ex);
            }
        }
    }

    private static string FolderName(VoicemailFolder folder) => folder switch
    {
        VoicemailFolder.New => "new",
        VoicemailFolder.Saved => "saved",
        VoicemailFolder.Trash => "trash",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "Unknown folder."),
    };

    private static VoicemailFolder ParseFolder(string text, string fileName) => text switch
    {
        "new" => VoicemailFolder.New,
        "saved" => VoicemailFolder.Saved,
        "trash" => VoicemailFolder.Trash,
        _ => throw Error(fileName, $"'folder' is '{text}', not new, saved or trash"),
    };

    private static string RequiredString(JsonElement root, string name, string fileName) =>
        OptionalString(root, name, fileName) ?? throw Error(fileName, $"'{name}' is missing");

    private static string? OptionalString(JsonElement root, string name, string fileName)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(fileName, $"'{name}' is not a string");
    }

    private static Instant ParseInstant(JsonElement root, string name, string fileName)
    {
        var result = InstantPattern.ExtendedIso.Parse(RequiredString(root, name, fileName));
        return result.Success ? result.Value : throw Error(fileName, $"'{name}' is not an ISO instant: {result.Exception.Message}");
    }

    private static Duration ParseDuration(JsonElement root, string name, string fileName)
    {
        var result = DurationPattern.Roundtrip.Parse(RequiredString(root, name, fileName));
        return result.Success ? result.Value : throw Error(fileName, $"'{name}' is not a duration: {result.Exception.Message}");
    }

    private static long ParseSize(JsonElement root, string fileName) =>
        root.TryGetProperty("audioSize", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var size) && size >= 0
            ? size
            : throw Error(fileName, "'audioSize' is missing or not a non-negative integer");

    private static VoicemailFormatException Error(string fileName, string reason, Exception? inner = null) =>
        new($"The voicemail metadata file '{fileName}' is not valid: {reason}.", 0, null, fileName, inner);
}
