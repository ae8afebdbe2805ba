using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Sip.Transport;

namespace K7.Sip.Tests.Transport;

public sealed class SipStreamFramerPropertyTests
{
    [Property(MaxTest = 2000)]
    public void Frame_RandomBytes_NeverThrowsAndStaysInsideTheBuffer(byte[] bytes, PositiveInt max)
    {
        var limit = 1 + (max.Get % 4096);

        var frame = SipStreamFramer.Frame(bytes, limit);

        Assert.InRange(frame.Consumed, 0, bytes.Length);
        Assert.InRange(frame.Offset, 0, bytes.Length);
        Assert.InRange(frame.Length, 0, bytes.Length - frame.Offset);
        Assert.True(frame.Offset + frame.Length <= frame.Consumed || frame.Status != SipFrameStatus.Message);
        Assert.Equal(frame.Status == SipFrameStatus.Error, frame.Error != SipFramingError.None);
        if (frame.Status == SipFrameStatus.Message)
        {
            Assert.InRange(frame.Length, 1, limit);
        }
    }

    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(SipFrameGenerators) })]
    public void Frame_RandomSipLikeText_NeverThrowsAndStaysInsideTheBuffer(SipLikeBytes input)
    {
        var frame = SipStreamFramer.Frame(input.Bytes, 512);

        Assert.InRange(frame.Consumed, 0, input.Bytes.Length);
        Assert.InRange(frame.Offset + frame.Length, 0, input.Bytes.Length);
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(SipFrameGenerators) })]
    public void Frame_ConcatenatedValidMessages_ReturnsThemOneByOne(ValidMessages input)
    {
        var framed = SipStreamFramerTests.FrameAll(input.Stream);

        Assert.Equal(input.Messages.Select(Encoding.ASCII.GetString), framed.Select(Encoding.ASCII.GetString));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(SipFrameGenerators) })]
    public void Frame_ConcatenatedValidMessagesInRandomChunks_ReturnsThemOneByOne(ValidMessages input, PositiveInt chunkSize)
    {
        var size = 1 + (chunkSize.Get % 64);

        var (framed, _) = SipStreamFramerTests.FrameIncrementally(input.Stream.Chunk(size));

        Assert.Equal(input.Messages.Select(Encoding.ASCII.GetString), framed.Select(Encoding.ASCII.GetString));
    }
}

/// <summary>Random bytes drawn mostly from the characters that matter to framing.</summary>
public sealed record SipLikeBytes(byte[] Bytes)
{
    public override string ToString() => Encoding.ASCII.GetString(Bytes).ReplaceLineEndings("⏎");
}

/// <summary>Well-formed messages with bodies of random lengths and random Content-Length spellings.</summary>
/// <param name="Messages">The messages.</param>
/// <param name="Stream">The messages as sent, with blank lines and pings between them.</param>
public sealed record ValidMessages(byte[][] Messages, byte[] Stream)
{
    public override string ToString() => string.Join(" | ", Messages.Select(m => Encoding.ASCII.GetString(m)));
}

public static class SipFrameGenerators
{
    private static readonly string[] Tokens =
    [
        "\r", "\n", "\r\n", "\r\n\r\n", " ", "\t", ":", "-", "0", "1", "9", "99999999999", "l", "L",
        "Content-Length", "content-length", "INVITE sip:a@b SIP/2.0", "Via: x", "abc",
    ];

    public static Arbitrary<SipLikeBytes> SipLike() =>
        Arb.From(
            from parts in Gen.ListOf(Gen.Elements(Tokens))
            select new SipLikeBytes(Encoding.ASCII.GetBytes(string.Concat(parts))));

    public static Arbitrary<ValidMessages> Messages() =>
        Arb.From(
            from count in Gen.Choose(1, 6)
            from messages in Gen.ArrayOf(MessageGen(), count)
            from leads in Gen.ArrayOf(Gen.Elements("", "\r\n", "\r\n\r\n", "\r\n\r\n\r\n"), count)
            select new ValidMessages(
                messages,
                [.. messages.SelectMany((m, i) => Encoding.ASCII.GetBytes(leads[i]).Concat(m))]));

    private static Gen<byte[]> MessageGen() =>
        from bodyLength in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 300)))
        from body in Gen.ArrayOf(Gen.Elements("a", "\r\n", "\r\n\r\n", ":", "l: 5", " "), bodyLength)
        from name in Gen.Elements("Content-Length", "l", "CONTENT-length", "L")
        from space in Gen.Elements("", " ", "\t ")
        from fold in Gen.Elements(false, true)
        let bodyText = string.Concat(body)
        let value = fold ? $"\r\n {Encoding.ASCII.GetByteCount(bodyText)}" : Encoding.ASCII.GetByteCount(bodyText).ToString(System.Globalization.CultureInfo.InvariantCulture)
        select Encoding.ASCII.GetBytes($"MESSAGE sip:x@y SIP/2.0\r\nVia: SIP/2.0/TCP h\r\n{name}{space}:{space}{value}\r\n\r\n{bodyText}");
}
