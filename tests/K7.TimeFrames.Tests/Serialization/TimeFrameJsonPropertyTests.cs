using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;

namespace K7.TimeFrames.Tests.Serialization;

public sealed class TimeFrameJsonPropertyTests
{
    private static readonly JsonSerializerOptions HostOptions = new() { Converters = { new TimeFrameJsonConverter() } };

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void Deserialize_SerializedValidFrame_EqualsFrame(TimeFrame frame)
    {
        var compact = TimeFrameJson.Serialize(frame);
        var indented = TimeFrameJson.Serialize(frame, indented: true);

        Assert.Equal(frame, TimeFrameJson.Deserialize(compact));
        Assert.Equal(frame, TimeFrameJson.Deserialize(indented));
        Assert.Equal(frame, TimeFrameJson.Deserialize(TimeFrameJson.SerializeToUtf8Bytes(frame)));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void Serialize_ReadBack_GivesTheSameText(TimeFrame frame)
    {
        var json = TimeFrameJson.Serialize(frame, indented: true);

        Assert.Equal(json, TimeFrameJson.Serialize(TimeFrameJson.Deserialize(json), indented: true));
    }

    [Property(MaxTest = 100, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void DeserializeList_SerializedFrames_EqualsFrames(TimeFrame[] frames)
    {
        Assert.Equal(frames, TimeFrameJson.DeserializeList(TimeFrameJson.SerializeList(frames)));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void Converter_FrameInsideHostDocument_RoundTrips(TimeFrame frame)
    {
        var json = JsonSerializer.Serialize(new[] { frame }, HostOptions);

        Assert.Equal(frame, JsonSerializer.Deserialize<TimeFrame[]>(json, HostOptions)![0]);
    }

    [Property(MaxTest = 300)]
    public void TryDeserialize_RandomString_NeverThrows(NonNull<string> text)
    {
        var ok = TimeFrameJson.TryDeserialize(text.Get, out var frame, out var error);

        Assert.False(ok);
        Assert.Null(frame);
        Assert.StartsWith("$", error!.Path, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void TryDeserialize_RandomBytes_NeverThrows(byte[] bytes)
    {
        Assert.False(TimeFrameJson.TryDeserialize(bytes, out _, out var error));
        Assert.NotNull(error.Path);
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void TryDeserialize_MutatedJson_NeverThrows(MutatedJson json)
    {
        if (TimeFrameJson.TryDeserialize(json.Text, out var frame, out var error))
        {
            // Some edits keep the document valid (a changed digit, added white space): it must then read back.
            Assert.Equal(frame, TimeFrameJson.Deserialize(TimeFrameJson.Serialize(frame)));
        }
        else
        {
            Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
            Assert.NotNull(error.Line);
            Assert.InRange(error.Position, 0, Encoding.UTF8.GetByteCount(json.Text));
            Assert.Equal(json.Text, error.Text);
        }

        Assert.Equal(
            TimeFrameJson.TryDeserialize(json.Text, out _, out _),
            TimeFrameJson.TryDeserialize(Encoding.UTF8.GetBytes(json.Text), out _, out _));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(JsonGenerators) })]
    public void Converter_MutatedJson_ThrowsOnlyJsonException(MutatedJson json)
    {
        try
        {
            // As bytes: the serializer itself rejects a string with a lone surrogate before any converter runs.
            JsonSerializer.Deserialize<TimeFrame[]>(Encoding.UTF8.GetBytes($"[{json.Text}]"), HostOptions);
        }
        catch (JsonException)
        {
            // The converter's contract: bad input is a JsonException.
        }
    }
}
