using FsCheck;
using FsCheck.Xunit;
using K7.SampleHost.Telephony;

namespace K7.SampleHost.Tests;

public sealed class VoicemailRecorderTests
{
    [Fact]
    public void RtpPayload_SkipsTheHeaderCsrcsExtensionAndPadding()
    {
        byte[] packet =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 1, 2, 3, 4, // V=2, P=1, X=1, CC=1; PT 0
            9, 9, 9, 9,                                       // one CSRC
            0xBE, 0xDE, 0x00, 0x01, 7, 7, 7, 7,               // extension of one word
            0x11, 0x22, 0x33,                                 // payload
            0, 2,                                             // two bytes of padding
        ];
        Assert.Equal([0x11, 0x22, 0x33], VoicemailRecorder.RtpPayload(packet, 0).ToArray());
        Assert.True(VoicemailRecorder.RtpPayload(packet, 8).IsEmpty);
    }

    [Property(MaxTest = 500)]
    public bool RtpPayload_NeverThrows_AndStaysInsideThePacket(byte[] packet, byte payloadType)
    {
        var payload = VoicemailRecorder.RtpPayload(packet ?? [], payloadType & 0x7F);
        return payload.Length <= Math.Max(0, (packet?.Length ?? 0) - 12);
    }

    [Theory]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0 8 101\r\n", 0)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 8 0\r\n", 8)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 9 18 101\r\n", null)]
    [InlineData("", null)]
    public void ChooseCodec_TakesTheFirstG711TheCallerOffers(string sdp, int? expected) =>
        Assert.Equal(expected, VoicemailRecorder.ChooseCodec(sdp));
}
