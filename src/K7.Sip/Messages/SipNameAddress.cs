using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace K7.Sip;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route and Record-Route
/// (<c>"Alice" &lt;sip:alice@example.com&gt;;tag=1928301774</c>). Immutable.
/// </summary>
/// <remarks>
/// When the URI is not in angle brackets, everything after the first <c>;</c> is a header parameter, not a URI
/// parameter (RFC 3261 §20.10), and a URI with headers (<c>?</c>) is rejected.
/// </remarks>
public sealed class SipNameAddress
{
    /// <summary>Initializes a new instance of the <see cref="SipNameAddress"/> class.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="displayName">The display name (unquoted), if any.</param>
    /// <param name="parameters">Header parameters (such as <c>tag</c>), values as written.</param>
    public SipNameAddress(SipUri uri, string? displayName = null, SipParameterList? parameters = null)
        : this(uri, displayName, parameters ?? SipParameterList.Empty, usedAngleBrackets: true)
    {
    }

    private SipNameAddress(SipUri uri, string? displayName, SipParameterList parameters, bool usedAngleBrackets)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        DisplayName = displayName;
        Parameters = parameters;
        UsedAngleBrackets = usedAngleBrackets;
    }

    /// <summary>Gets the display name with quotes removed and quoted-pairs resolved, or <see langword="null"/>.</summary>
    public string? DisplayName { get; }

    /// <summary>Gets the URI.</summary>
    public SipUri Uri { get; }

    /// <summary>Gets the header parameters (values as written; quoted values keep their quotes).</summary>
    public SipParameterList Parameters { get; }

    /// <summary>Gets the <c>tag</c> parameter, or <see langword="null"/>.</summary>
    public string? Tag => Parameters["tag"];

    /// <summary>Gets a value indicating whether the URI was written in angle brackets.</summary>
    public bool UsedAngleBrackets { get; }

    /// <summary>Parses a name-addr or addr-spec with parameters.</summary>
    /// <param name="text">The header value.</param>
    /// <returns>The address.</returns>
    /// <exception cref="SipFormatException">The text is not valid; the exception gives the offset.</exception>
    public static SipNameAddress Parse(ReadOnlySpan<char> text) => TryParse(text, out var result, out var fault)
        ? result
        : throw new SipFormatException($"Invalid name-addr at character {fault}.", fault, null, "name-addr");

    /// <summary>Parses a name-addr or addr-spec with parameters.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="result">The address when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipNameAddress? result) =>
        TryParse(text, out result, out _);

    /// <summary>Returns a copy with the <c>tag</c> parameter set.</summary>
    /// <param name="tag">The tag (a token).</param>
    /// <returns>A new address.</returns>
    public SipNameAddress WithTag(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        if (!SipGrammar.IsToken(tag))
        {
            throw new ArgumentException("A tag must be a token.", nameof(tag));
        }

        return new SipNameAddress(Uri, DisplayName, Parameters.With("tag", tag), UsedAngleBrackets || NeedsBrackets(Uri));
    }

    /// <summary>Returns a copy with other parameters.</summary>
    /// <param name="parameters">The header parameters.</param>
    /// <returns>A new address.</returns>
    public SipNameAddress WithParameters(SipParameterList parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new SipNameAddress(Uri, DisplayName, parameters, UsedAngleBrackets);
    }

    /// <summary>Returns the wire form; angle brackets are used when there is a display name, when they were used, or when the URI needs them.</summary>
    /// <returns>The header value.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var brackets = UsedAngleBrackets || DisplayName is not null || NeedsBrackets(Uri);
        if (DisplayName is not null)
        {
            SipGrammar.AppendQuoted(sb, DisplayName);
            sb.Append(' ');
        }

        if (brackets)
        {
            sb.Append('<').Append(Uri).Append('>');
        }
        else
        {
            sb.Append(Uri);
        }

        sb.Append(Parameters);
        return sb.ToString();
    }

    internal static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipNameAddress? result, out int fault)
    {
        result = null;
        fault = SipHeaderScanner.ScanNameAddr(text, out var parts);
        if (fault >= 0)
        {
            return false;
        }

        result = FromParts(text, parts);
        return true;
    }

    internal static SipNameAddress FromParts(ReadOnlySpan<char> text, in NameAddrParts parts)
    {
        string? display = null;
        if (parts.HasDisplayName)
        {
            var d = text[parts.DisplayName];
            display = parts.DisplayQuoted ? SipGrammar.Unquote(d) : CollapseSpaces(d);
            if (!parts.DisplayQuoted && display.Length == 0)
            {
                display = null;
            }
        }

        var uriText = text[parts.Uri];
        var uri = SipUri.Build(uriText, uriText.ToString());
        var list = new List<KeyValuePair<string, string?>>();
        SipGrammar.ScanGenericParams(text, parts.ParamsStart, list);
        var parameters = list.Count == 0 ? SipParameterList.Empty : new SipParameterList([.. list]);
        return new SipNameAddress(uri, display, parameters, parts.Bracketed);
    }

    private static bool NeedsBrackets(SipUri uri) =>
        uri.Parameters.Count > 0 || uri.Headers.Count > 0 || uri.ToString().AsSpan().ContainsAny(",;?");

    private static string CollapseSpaces(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (SipGrammar.IsWhitespace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
