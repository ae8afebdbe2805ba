using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace K7.Sip;

/// <summary>The value of a CSeq header: a sequence number and a method.</summary>
/// <param name="Number">The sequence number (0 to 2^32-1).</param>
/// <param name="Method">The method.</param>
public readonly record struct SipCSeq(uint Number, SipMethod Method)
{
    /// <summary>Parses a CSeq value such as <c>4711 INVITE</c> (LWS allowed around and between the parts).</summary>
    /// <param name="text">The header value.</param>
    /// <param name="result">The CSeq when valid.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid CSeq.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipCSeq? result)
    {
        result = null;
        if (SipHeaderScanner.ScanCSeq(text, out var number, out var method) >= 0)
        {
            return false;
        }

        result = new SipCSeq(number, SipMethod.FromValidToken(text[method]));
        return true;
    }

    /// <summary>Returns the wire form.</summary>
    /// <returns><c>Number Method</c>.</returns>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method.Name;
}
