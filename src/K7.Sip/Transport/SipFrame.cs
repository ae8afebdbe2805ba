using System.Runtime.InteropServices;

namespace K7.Sip.Transport;

/// <summary>The result of framing a stream buffer: a status and the byte ranges it refers to.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Offset">Where the message starts (after skipped blank lines); meaningful for <see cref="SipFrameStatus.Message"/>.</param>
/// <param name="Length">The length of the message in bytes; meaningful for <see cref="SipFrameStatus.Message"/>.</param>
/// <param name="Consumed">How many bytes at the start of the buffer the caller may drop (message, ping or skipped blank lines).</param>
/// <param name="Error">Why framing failed; <see cref="SipFramingError.None"/> unless <see cref="Status"/> is <see cref="SipFrameStatus.Error"/>.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct SipFrame(SipFrameStatus Status, int Offset, int Length, int Consumed, SipFramingError Error)
{
    public static SipFrame NeedMore(int consumed) => new(SipFrameStatus.NeedMoreData, 0, 0, consumed, SipFramingError.None);

    public static SipFrame Fail(SipFramingError error) => new(SipFrameStatus.Error, 0, 0, 0, error);
}
