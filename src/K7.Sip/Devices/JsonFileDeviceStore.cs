using System.Text.Json;

namespace K7.Sip.Devices;

/// <summary>An <see cref="IDeviceStore"/> kept in a JSON file.</summary>
/// <remarks>
/// <para>The file holds <c>{"version":1,"devices":[{"extension":"202","suffix":"wp","model":"WebPhone",
/// "preferredServer":"sip1.example.com","macAddress":"00:1A:2B:3C:4D:5E","lineNumber":1,"description":"…"}]}</c>;
/// optional fields may be missing or <c>null</c>, unknown properties are ignored. A missing file is an empty list.</para>
/// <para>Loading checks every record; the first bad one fails with a <see cref="SipFormatException"/> whose
/// <see cref="SipFormatException.Field"/> is its path (<c>devices[3].macAddress</c>). Broken JSON reports its
/// <see cref="SipFormatException.Line"/> and byte <see cref="SipFormatException.Position"/>.</para>
/// <para>Saving is atomic: the list is written to <c>&lt;file&gt;.tmp</c> in the same folder, flushed to disk,
/// then moved over the file, so a crash leaves either the old or the new list. A temporary file left by a killed
/// process is never read, and the next save overwrites it. One store (one process) per file.</para>
/// </remarks>
public sealed class JsonFileDeviceStore : IDeviceStore
{
    private const int FormatVersion = 1;
    private readonly string _path;

    /// <summary>Initializes a new instance of the <see cref="JsonFileDeviceStore"/> class.</summary>
    /// <param name="path">The JSON file; its folder must exist.</param>
    public JsonFileDeviceStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
    }

    /// <summary>Gets the full path of the file.</summary>
    public string FilePath => _path;

    /// <inheritdoc/>
    /// <exception cref="SipFormatException">The file is not valid JSON or a record is not a valid device.</exception>
    public IReadOnlyList<Device> Load()
    {
        if (!File.Exists(_path))
        {
            return [];
        }

        var bytes = File.ReadAllBytes(_path);
        return Read(bytes);
    }

    /// <inheritdoc/>
    public void Save(IReadOnlyList<Device> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var temp = _path + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    Write(writer, devices);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads the JSON document of a device list.</summary>
    internal static IReadOnlyList<Device> Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber ?? 0;
            var position = OffsetOf(utf8, line, ex.BytePositionInLine ?? 0);
            throw new SipFormatException($"The device file is not valid JSON: {ex.Message}", position, line + 1, null, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Error("$", "The device file must hold a JSON object with a 'devices' array.");
            }

            if (root.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != FormatVersion))
            {
                throw Error("version", $"Only version {FormatVersion} is supported.");
            }

            if (!root.TryGetProperty("devices", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw Error("devices", "A 'devices' array is required.");
            }

            var devices = new List<Device>(array.GetArrayLength());
            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var device = ReadDevice(element, $"devices[{index}]");
                if (names.TryGetValue(device.Name, out var first))
                {
                    throw Error($"devices[{index}].suffix", $"The device name '{device.Name}' is already used by devices[{first}].");
                }

                names.Add(device.Name, index);
                devices.Add(device);
                index++;
            }

            return devices;
        }
    }

    private static Device ReadDevice(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "A device must be a JSON object.");
        }

        var extension = ReadString(element, path, "extension", required: true)!;
        var suffix = ReadString(element, path, "suffix", required: false) ?? string.Empty;
        var model = ReadString(element, path, "model", required: true)!;
        var server = ReadString(element, path, "preferredServer", required: false);
        var macText = ReadString(element, path, "macAddress", required: false);
        var description = ReadString(element, path, "description", required: false);
        int? line = null;
        if (element.TryGetProperty("lineNumber", out var lineElement) && lineElement.ValueKind != JsonValueKind.Null)
        {
            if (lineElement.ValueKind != JsonValueKind.Number || !lineElement.TryGetInt32(out var value))
            {
                throw Error($"{path}.lineNumber", "The line number must be a whole number.");
            }

            line = value;
        }

        MacAddress? mac = null;
        if (macText is not null)
        {
            try
            {
                mac = MacAddress.Parse(macText);
            }
            catch (SipFormatException ex)
            {
                throw new SipFormatException($"{path}.macAddress: {ex.Message}", 0, null, $"{path}.macAddress", ex);
            }
        }

        try
        {
            return new Device(extension, suffix, model, server, mac, line, description);
        }
        catch (DeviceValidationException ex)
        {
            var field = $"{path}.{char.ToLowerInvariant(ex.Field[0])}{ex.Field[1..]}";
            throw new SipFormatException($"{field}: {ex.Reason}", 0, null, field, ex);
        }
    }

    private static string? ReadString(JsonElement element, string path, string name, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Error($"{path}.{name}", $"'{name}' is required.") : null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error($"{path}.{name}", $"'{name}' must be a string.");
    }

    private static void Write(Utf8JsonWriter writer, IReadOnlyList<Device> devices)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        writer.WriteStartArray("devices");
        foreach (var device in devices)
        {
            ArgumentNullException.ThrowIfNull(device, nameof(devices));
            writer.WriteStartObject();
            writer.WriteString("extension", device.Extension);
            writer.WriteString("suffix", device.Suffix);
            writer.WriteString("model", device.Model);
            if (device.PreferredServer is not null)
            {
                writer.WriteString("preferredServer", device.PreferredServer);
            }

            if (device.MacAddress is { } mac)
            {
                writer.WriteString("macAddress", mac.ToString());
            }

            if (device.LineNumber is { } line)
            {
                writer.WriteNumber("lineNumber", line);
            }

            if (device.Description is not null)
            {
                writer.WriteString("description", device.Description);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static long OffsetOf(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        long offset = 0;
        for (long l = 0; l < line; l++)
        {
            var next = utf8[(int)offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return Math.Min(offset + bytePositionInLine, utf8.Length);
    }

    private static SipFormatException Error(string field, string message) => new($"{field}: {message}", 0, null, field);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
