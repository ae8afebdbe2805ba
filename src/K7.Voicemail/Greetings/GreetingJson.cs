using System.Text.Json;
using K7.Voicemail.Audio;
using NodaTime;

namespace K7.Voicemail.Greetings;

/// <summary>Reads and writes the JSON records of <see cref="FileSystemGreetingStore"/>.</summary>
internal static class GreetingJson
{
    public static byte[] Write(Greeting g) => WriteCore(w =>
    {
        w.WriteString("id", g.Id.ToString("N"));
        w.WriteString("extension", g.Extension);
        w.WriteString("name", g.Name);
        WriteCommon(w, g.Source, g.Format, g.Size, g.Duration, g.CreatedAt, g.Text, g.Voice);
    });

    public static byte[] Write(RecordedName n) => WriteCore(w =>
    {
        w.WriteString("id", n.Id.ToString("N"));
        w.WriteString("extension", n.Extension);
        WriteCommon(w, n.Source, n.Format, n.Size, n.Duration, n.CreatedAt, n.Text, n.Voice);
    });

    public static Greeting ReadGreeting(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var r = doc.RootElement;
        return new Greeting
        {
            Id = Guid.ParseExact(r.GetProperty("id").GetString()!, "N"),
            Extension = r.GetProperty("extension").GetString()!,
            Name = r.GetProperty("name").GetString()!,
            Source = (GreetingSource)r.GetProperty("source").GetInt32(),
            Format = (AudioFormat)r.GetProperty("format").GetInt32(),
            Size = r.GetProperty("size").GetInt64(),
            Duration = ReadDuration(r),
            CreatedAt = Instant.FromUnixTimeTicks(r.GetProperty("createdAtTicks").GetInt64()),
            Text = ReadString(r, "text"),
            Voice = ReadString(r, "voice"),
        };
    }

    public static RecordedName ReadRecordedName(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var r = doc.RootElement;
        return new RecordedName
        {
            Id = Guid.ParseExact(r.GetProperty("id").GetString()!, "N"),
            Extension = r.GetProperty("extension").GetString()!,
            Source = (GreetingSource)r.GetProperty("source").GetInt32(),
            Format = (AudioFormat)r.GetProperty("format").GetInt32(),
            Size = r.GetProperty("size").GetInt64(),
            Duration = ReadDuration(r),
            CreatedAt = Instant.FromUnixTimeTicks(r.GetProperty("createdAtTicks").GetInt64()),
            Text = ReadString(r, "text"),
            Voice = ReadString(r, "voice"),
        };
    }

    private static byte[] WriteCore(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteCommon(Utf8JsonWriter w, GreetingSource source, AudioFormat format, long size, Duration? duration, Instant createdAt, string? text, string? voice)
    {
        w.WriteNumber("source", (int)source);
        w.WriteNumber("format", (int)format);
        w.WriteNumber("size", size);
        if (duration is { } d)
        {
            w.WriteNumber("durationNanoseconds", d.ToInt64Nanoseconds());
        }

        w.WriteNumber("createdAtTicks", createdAt.ToUnixTimeTicks());
        if (text is not null)
        {
            w.WriteString("text", text);
        }

        if (voice is not null)
        {
            w.WriteString("voice", voice);
        }
    }

    private static Duration? ReadDuration(JsonElement r)
        => r.TryGetProperty("durationNanoseconds", out var d) ? Duration.FromNanoseconds(d.GetInt64()) : null;

    private static string? ReadString(JsonElement r, string name)
        => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
