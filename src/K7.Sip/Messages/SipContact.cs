using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace K7.Sip;

/// <summary>One Contact value: the wildcard <c>*</c> or an address with contact parameters (q, expires, …). Immutable.</summary>
public sealed class SipContact
{
    private SipContact(SipNameAddress? address) => Address = address;

    /// <summary>Gets the wildcard contact (<c>*</c>), used in a REGISTER that removes every binding.</summary>
    public static SipContact Wildcard { get; } = new(null);

    /// <summary>Gets a value indicating whether this is the wildcard <c>*</c>.</summary>
    [MemberNotNullWhen(false, nameof(Address))]
    public bool IsWildcard => Address is null;

    /// <summary>Gets the address, or <see langword="null"/> for the wildcard.</summary>
    public SipNameAddress? Address { get; }

    /// <summary>Gets the contact parameters (empty for the wildcard).</summary>
    public SipParameterList Parameters => Address?.Parameters ?? SipParameterList.Empty;

    /// <summary>Gets the <c>q</c> parameter (0 to 1, up to three decimals), or <see langword="null"/>.</summary>
    public decimal? Q => Parameters["q"] is { } q && decimal.TryParse(q, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>Gets the <c>expires</c> parameter in seconds (values above <see cref="int.MaxValue"/> are clamped), or <see langword="null"/>.</summary>
    public int? Expires => Parameters["expires"] is { } e ? SipGrammar.ParseDeltaSeconds(e) : null;

    /// <summary>Creates a contact for an address.</summary>
    /// <param name="address">The address with its contact parameters.</param>
    /// <returns>The contact.</returns>
    public static SipContact Create(SipNameAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new SipContact(address);
    }

    /// <summary>Parses one Contact header value, which may hold several comma-separated contacts.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="contacts">The contacts when valid.</param>
    /// <returns><see langword="true"/> when every contact is valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out IReadOnlyList<SipContact>? contacts)
    {
        contacts = null;
        var result = new List<SipContact>();
        foreach (var part in SipGrammar.SplitList(text.ToString()))
        {
            if (SipHeaderScanner.ScanContact(part) >= 0)
            {
                return false;
            }

            result.Add(FromValid(part));
        }

        contacts = result;
        return true;
    }

    /// <summary>Returns a copy with the <c>expires</c> parameter set.</summary>
    /// <param name="seconds">The expiry in seconds.</param>
    /// <returns>A new contact.</returns>
    public SipContact WithExpires(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        if (IsWildcard)
        {
            throw new InvalidOperationException("The wildcard contact has no parameters.");
        }

        return new SipContact(Address.WithParameters(Parameters.With("expires", seconds.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>Returns the wire form.</summary>
    /// <returns><c>*</c> or the address with its parameters.</returns>
    public override string ToString() => Address?.ToString() ?? "*";

    internal static SipContact FromValid(string part)
    {
        if (part.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // A line break that the message scanner took as folding white space (a bare CR or LF before a space):
            // it is white space here too, or the name-addr scan below would stop at it.
            part = part.Replace('\r', ' ').Replace('\n', ' ');
        }

        var trimmed = part.AsSpan().Trim(" \t");
        if (trimmed.Length == 1 && trimmed[0] == '*')
        {
            return Wildcard;
        }

        SipHeaderScanner.ScanNameAddr(part, out var parts);
        return new SipContact(SipNameAddress.FromParts(part, parts));
    }
}
