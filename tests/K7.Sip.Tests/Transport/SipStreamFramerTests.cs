using System.Text;
using K7.Sip.Tests.Conformance;
using K7.Sip.Transport;

namespace K7.Sip.Tests.Transport;

public sealed class SipStreamFramerTests
{
    private const int Max = 65536;

    internal static byte[] Message(string headers, string body = "") =>
        Encoding.ASCII.GetBytes($"OPTIONS sip:bob@example.com SIP/2.0\r\nCall-ID: a\r\n{headers}\r\n\r\n{body}");

    internal static byte[] WithLength(string body = "", string name = "Content-Length") =>
        Message($"{name}: {body.Length}", body);

    [Fact]
    public void Frame_EmptyBuffer_NeedsMoreData()
    {
        Assert.Equal(SipFrame.NeedMore(0), SipStreamFramer.Frame([], Max));
    }

    [Fact]
    public void Frame_CompleteMessage_ReturnsItsWholeLength()
    {
        var bytes = WithLength("v=0\r\n");

        var frame = SipStreamFramer.Frame(bytes, Max);

        Assert.Equal(new SipFrame(SipFrameStatus.Message, 0, bytes.Length, bytes.Length, SipFramingError.None), frame);
    }

    [Theory]
    [InlineData("Content-Length: 4")]
    [InlineData("content-length:4")]
    [InlineData("CONTENT-LENGTH \t :   4  ")]
    [InlineData("l: 4")]
    [InlineData("L:4")]
    [InlineData("Content-Length:\r\n 4")]
    [InlineData("Content-Length: 0004")]
    [InlineData("Content-Length: 4\r\nContent-Length: 4")]
    [InlineData("Content-Length: 4\r\nl: 4")]
    public void Frame_ContentLengthSpellings_FramesFourByteBody(string header)
    {
        var bytes = Message(header, "abcd");

        var frame = SipStreamFramer.Frame(bytes, Max);

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(bytes.Length, frame.Length);
    }

    [Theory]
    [InlineData("X-Content-Length: 4\r\nContent-Length: 0")]
    [InlineData("Lx: 4\r\nContent-Length: 0")]
    [InlineData("Subject: Content-Length: 4\r\nl: 0")]
    public void Frame_OtherHeadersMentioningLength_AreIgnored(string header)
    {
        var bytes = Message(header);

        var frame = SipStreamFramer.Frame(bytes, Max);

        Assert.Equal(SipFrameStatus.Message, frame.Status);
        Assert.Equal(bytes.Length, frame.Length);
    }

    [Fact]
    public void Frame_BareLineFeeds_AreAccepted()
    {
        var bytes = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\nContent-Length: 2\n\nhi");

        var frame = SipStreamFramer.Frame(bytes, Max);

        Assert.Equal(new SipFrame(SipFrameStatus.Message, 0, bytes.Length, bytes.Length, SipFramingError.None), frame);
    }

    [Theory]
    [InlineData("Call-ID: x", nameof(SipFramingError.MissingContentLength))]
    [InlineData("Content-Length: -1", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: ", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: 1 2", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: 12a", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: +1", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: 1, 1", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("Content-Length: 1\r\nl: 2", nameof(SipFramingError.ConflictingContentLength))]
    [InlineData("Content-Length: 99999999999999999999999", nameof(SipFramingError.MessageTooLarge))]
    [InlineData("Content-Length: 65536", nameof(SipFramingError.MessageTooLarge))]
    public void Frame_BadContentLength_ReportsTheError(string header, string expected)
    {
        var frame = SipStreamFramer.Frame(Message(header), Max);

        Assert.Equal(SipFrame.Fail(Enum.Parse<SipFramingError>(expected)), frame);
    }

    [Fact]
    public void Frame_BadContentLengthBeforeHeaderEnd_FailsEarly()
    {
        var bytes = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nContent-Length: -5\r\nVia: x");

        Assert.Equal(SipFrame.Fail(SipFramingError.InvalidContentLength), SipStreamFramer.Frame(bytes, Max));
    }

    [Fact]
    public void Frame_MessageOfExactlyTheMaximum_IsAccepted()
    {
        var head = Message("Content-Length: 00000");
        var body = new string('x', 2048 - head.Length);
        var bytes = Message($"Content-Length: {body.Length:D5}", body);
        Assert.Equal(2048, bytes.Length);

        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.Frame(bytes, 2048).Status);
        Assert.Equal(SipFrame.Fail(SipFramingError.MessageTooLarge), SipStreamFramer.Frame(bytes, 2047));
    }

    [Fact]
    public void Frame_HeaderSectionWithoutEndBeyondTheMaximum_Fails()
    {
        var bytes = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nSubject: " + new string('x', 2000));

        Assert.Equal(SipFrame.NeedMore(0), SipStreamFramer.Frame(bytes, 4096));
        Assert.Equal(SipFrame.Fail(SipFramingError.HeaderSectionTooLarge), SipStreamFramer.Frame(bytes, 1024));
    }

    [Fact]
    public void Frame_ManyShortHeaderLinesBeyondTheMaximum_Fails()
    {
        var bytes = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\n" + string.Concat(Enumerable.Repeat("A: b\r\n", 400)));

        Assert.Equal(SipFrame.Fail(SipFramingError.HeaderSectionTooLarge), SipStreamFramer.Frame(bytes, 1024));
    }

    [Fact]
    public void Frame_DoubleCrLf_IsAPing()
    {
        Assert.Equal(new SipFrame(SipFrameStatus.Ping, 0, 4, 4, SipFramingError.None), SipStreamFramer.Frame("\r\n\r\n"u8, Max));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\r\n\r")]
    public void Frame_StartOfAPing_WaitsForMore(string text)
    {
        Assert.Equal(SipFrame.NeedMore(0), SipStreamFramer.Frame(Encoding.ASCII.GetBytes(text), Max));
    }

    [Fact]
    public void Frame_LoneCrLfBeforeMessage_IsSkipped()
    {
        var message = WithLength("ab");
        var bytes = "\r\n"u8.ToArray().Concat(message).ToArray();

        var frame = SipStreamFramer.Frame(bytes, Max);

        Assert.Equal(new SipFrame(SipFrameStatus.Message, 2, message.Length, bytes.Length, SipFramingError.None), frame);
    }

    [Fact]
    public void Frame_PingThenMessage_PingFirstThenTheMessage()
    {
        var message = WithLength();
        var bytes = "\r\n\r\n"u8.ToArray().Concat(message).ToArray();

        var ping = SipStreamFramer.Frame(bytes, Max);
        var next = SipStreamFramer.Frame(bytes.AsSpan(ping.Consumed), Max);

        Assert.Equal(SipFrameStatus.Ping, ping.Status);
        Assert.Equal(new SipFrame(SipFrameStatus.Message, 0, message.Length, message.Length, SipFramingError.None), next);
    }

    [Fact]
    public void Frame_LoneCrLfThenPartialMessage_ConsumesTheCrLf()
    {
        Assert.Equal(SipFrame.NeedMore(2), SipStreamFramer.Frame("\r\nOPTIONS sip:a@b SIP/2.0\r\n"u8, Max));
    }

    [Fact]
    public void Frame_PipelinedMessages_AreFramedOneByOne()
    {
        var messages = new[] { WithLength(), WithLength("hello"), Message("l: 3", "abc"), WithLength("v=0\r\n\r\n") };
        var buffer = messages.SelectMany(m => m).ToArray();

        var framed = FrameAll(buffer);

        Assert.Equal(messages.Select(Encoding.ASCII.GetString), framed.Select(Encoding.ASCII.GetString));
    }

    [Fact]
    public void Frame_MessageSplitAtEveryPosition_NeedsMoreUntilComplete()
    {
        var bytes = Message("Content-Length:\r\n  5", "hello");
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var frame = SipStreamFramer.Frame(bytes.AsSpan(0, cut), Max);
            Assert.Equal(SipFrameStatus.NeedMoreData, frame.Status);
            Assert.Equal(0, frame.Consumed);
        }

        Assert.Equal(SipFrameStatus.Message, SipStreamFramer.Frame(bytes, Max).Status);
    }

    [Fact]
    public void Frame_TwoMessagesDeliveredInEveryTwoChunkSplit_AreRecovered()
    {
        var messages = new[] { WithLength("body one"), "\r\n\r\n"u8.ToArray(), Message("l: 0") };
        var all = messages.SelectMany(m => m).ToArray();
        for (var cut = 0; cut <= all.Length; cut++)
        {
            var (framed, pings) = FrameIncrementally([all[..cut], all[cut..]]);
            Assert.Equal(1, pings);
            Assert.Equal([Encoding.ASCII.GetString(messages[0]), Encoding.ASCII.GetString(messages[2])], framed.Select(Encoding.ASCII.GetString));
        }
    }

    [Theory]
    [InlineData("ncl.dat", nameof(SipFramingError.InvalidContentLength))]
    [InlineData("mcl01.dat", nameof(SipFramingError.ConflictingContentLength))]
    [InlineData("inv2543.dat", nameof(SipFramingError.MissingContentLength))]
    public void Frame_TortureMessagesWithBadFraming_Fail(string file, string expected)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.Folder, file));

        Assert.Equal(SipFrame.Fail(Enum.Parse<SipFramingError>(expected)), SipStreamFramer.Frame(bytes, Max));
    }

    [Theory]
    [InlineData("clerr.dat")] // Content-Length 9999 with a 154-byte body: on a stream, the rest is still to come.
    [InlineData("baddn.dat")] // No empty line after the headers.
    public void Frame_TortureMessagesThatAreIncompleteOnAStream_NeedMoreData(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.Folder, file));

        Assert.Equal(SipFrame.NeedMore(0), SipStreamFramer.Frame(bytes, Max));
    }

    [Fact]
    public void Frame_DoubleRequestTortureMessage_IsTwoMessagesThenGarbage()
    {
        // dblreq.dat: a REGISTER with Content-Length 0, a blank line, then an INVITE whose body is 5 bytes longer
        // than its Content-Length of 150. On a stream the two requests frame; the 5 bytes left ("C" and a blank line)
        // have no Content-Length and close the connection.
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.Folder, "dblreq.dat"));

        var register = SipStreamFramer.Frame(bytes, Max);
        var invite = SipStreamFramer.Frame(bytes.AsSpan(register.Consumed), Max);
        var rest = SipStreamFramer.Frame(bytes.AsSpan(register.Consumed + invite.Consumed), Max);

        Assert.Equal(new SipFrame(SipFrameStatus.Message, 0, 300, 300, SipFramingError.None), register);
        Assert.Equal(SipFrameStatus.Message, invite.Status);
        Assert.Equal(2, invite.Offset);
        Assert.StartsWith("INVITE ", Encoding.ASCII.GetString(bytes, register.Consumed + invite.Offset, invite.Length), StringComparison.Ordinal);
        Assert.Equal(bytes.Length - 5, register.Consumed + invite.Consumed);
        Assert.Equal(SipFrame.Fail(SipFramingError.MissingContentLength), rest);
    }

    public static TheoryData<string> WellFramedTortureFiles()
    {
        var skip = new HashSet<string>(StringComparer.Ordinal) { "ncl.dat", "mcl01.dat", "inv2543.dat", "clerr.dat", "baddn.dat", "dblreq.dat" };
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(CorpusTests.Folder, "*.dat").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!skip.Contains(name))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WellFramedTortureFiles))]
    public void Frame_OtherTortureMessages_AreOneWholeMessageEvenWhenSplit(string file)
    {
        // Framing only: these messages may be semantically invalid, but their Content-Length matches their body.
        var bytes = File.ReadAllBytes(Path.Combine(CorpusTests.Folder, file));

        Assert.Equal(new SipFrame(SipFrameStatus.Message, 0, bytes.Length, bytes.Length, SipFramingError.None), SipStreamFramer.Frame(bytes, Max));
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var (framed, _) = FrameIncrementally([bytes[..cut], bytes[cut..]]);
            Assert.Single(framed);
            Assert.Equal(bytes.Length, framed[0].Length);
        }
    }

    /// <summary>Frames a buffer to the end, as a connection does, and returns the messages (pings are skipped).</summary>
    internal static List<byte[]> FrameAll(ReadOnlySpan<byte> buffer, int max = Max)
    {
        var messages = new List<byte[]>();
        while (true)
        {
            var frame = SipStreamFramer.Frame(buffer, max);
            Assert.NotEqual(SipFrameStatus.Error, frame.Status);
            if (frame.Status == SipFrameStatus.Message)
            {
                messages.Add(buffer.Slice(frame.Offset, frame.Length).ToArray());
            }

            buffer = buffer[frame.Consumed..];
            if (frame.Status == SipFrameStatus.NeedMoreData)
            {
                Assert.True(buffer.IsEmpty, "bytes left unframed");
                return messages;
            }
        }
    }

    /// <summary>Feeds chunks into a buffer the way a connection receives them.</summary>
    internal static (List<byte[]> Messages, int Pings) FrameIncrementally(IEnumerable<byte[]> chunks)
    {
        var messages = new List<byte[]>();
        var pings = 0;
        var pending = new List<byte>();
        foreach (var chunk in chunks)
        {
            pending.AddRange(chunk);
            while (true)
            {
                var span = pending.ToArray();
                var frame = SipStreamFramer.Frame(span, Max);
                Assert.NotEqual(SipFrameStatus.Error, frame.Status);
                if (frame.Status == SipFrameStatus.Message)
                {
                    messages.Add(span.AsSpan(frame.Offset, frame.Length).ToArray());
                }
                else if (frame.Status == SipFrameStatus.Ping)
                {
                    pings++;
                }

                pending.RemoveRange(0, frame.Consumed);
                if (frame.Status == SipFrameStatus.NeedMoreData)
                {
                    break;
                }
            }
        }

        return (messages, pings);
    }
}
