using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace K7.Sip.Authentication;

/// <summary>
/// The value of an <c>Authorization</c> or <c>Proxy-Authorization</c> header (RFC 3261 §25.1 <c>credentials</c>):
/// a digest response, or the credentials of another scheme that this library does not verify.
/// </summary>
/// <remarks>
/// <para>Parameters may come in any order, separated by commas with optional linear white space (folded lines
/// included). Every value may be a token or a quoted string (quoted pairs are unescaped); phones disagree about
/// which parameters to quote, so both forms are read. Parameters this type does not know are kept in
/// <see cref="OtherParameters"/>.</para>
/// <para>A digest response must carry <c>username</c>, <c>realm</c>, <c>nonce</c>, <c>uri</c> and <c>response</c>;
/// with <c>qop</c> it must also carry <c>cnonce</c> and an <c>nc</c> of eight hexadecimal digits. Another scheme
/// (<c>Basic</c>, or RFC 4475's <c>NoOneKnowsThisScheme opaque-data=here</c>) parses with
/// <see cref="IsDigest"/> <see langword="false"/> and only <see cref="Scheme"/> set, so that a registrar answers
/// it with a digest challenge.</para>
/// <para>Instances are immutable.</para>
/// </remarks>
public sealed partial class DigestCredentials
{
    /// <summary>Initializes a new digest response (for a client, or for tests).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="realm">The realm of the challenge.</param>
    /// <param name="nonce">The nonce of the challenge.</param>
    /// <param name="uri">The digest-uri (the Request-URI of the request).</param>
    /// <param name="response">The response hash, lower-case hexadecimal.</param>
    /// <param name="algorithm">The algorithm name (<c>SHA-256</c>), or <see langword="null"/> for MD5 by default.</param>
    /// <param name="cnonce">The client nonce; required with <paramref name="qop"/>.</param>
    /// <param name="opaque">The opaque value of the challenge, if it had one.</param>
    /// <param name="qop">The quality of protection (<c>auth</c>), or <see langword="null"/>.</param>
    /// <param name="nonceCount">The nonce count as eight hexadecimal digits; required with <paramref name="qop"/>.</param>
    /// <param name="otherParameters">Further parameters, in order, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A required value is missing or <paramref name="nonceCount"/> is not eight hexadecimal digits.</exception>
    public DigestCredentials(
        string username,
        string realm,
        string nonce,
        string uri,
        string response,
        string? algorithm = null,
        string? cnonce = null,
        string? opaque = null,
        string? qop = null,
        string? nonceCount = null,
        IEnumerable<KeyValuePair<string, string>>? otherParameters = null)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(response);
        if (qop is not null)
        {
            ArgumentNullException.ThrowIfNull(cnonce);
            ArgumentNullException.ThrowIfNull(nonceCount);
        }

        if (nonceCount is not null && !TryParseNonceCount(nonceCount, out _))
        {
            throw new ArgumentException("The nonce count must be eight hexadecimal digits.", nameof(nonceCount));
        }

        if (algorithm is not null && !IsToken(algorithm))
        {
            throw new ArgumentException("The algorithm must be a token.", nameof(algorithm));
        }

        if (qop is not null && !IsToken(qop))
        {
            throw new ArgumentException("The qop must be a token.", nameof(qop));
        }

        List<KeyValuePair<string, string>>? others = null;
        if (otherParameters is not null)
        {
            foreach (var parameter in otherParameters)
            {
                if (!IsToken(parameter.Key) || IsKnownName(parameter.Key))
                {
                    throw new ArgumentException($"'{parameter.Key}' is not a valid name for another parameter.", nameof(otherParameters));
                }

                ArgumentNullException.ThrowIfNull(parameter.Value, nameof(otherParameters));
                (others ??= []).Add(parameter);
            }
        }

        Scheme = DigestScheme;
        IsDigest = true;
        CheckValue(username, nameof(username));
        CheckValue(realm, nameof(realm));
        CheckValue(nonce, nameof(nonce));
        CheckValue(uri, nameof(uri));
        CheckValue(response, nameof(response));
        CheckValue(cnonce, nameof(cnonce));
        CheckValue(opaque, nameof(opaque));
        Username = username;
        Realm = realm;
        Nonce = nonce;
        Uri = uri;
        Response = response;
        Algorithm = algorithm;
        Cnonce = cnonce;
        Opaque = opaque;
        Qop = qop;
        NonceCount = nonceCount;
        OtherParameters = others is null ? [] : others.ToArray();
    }

    private static void CheckValue(string? value, string parameterName)
    {
        if (value is not null && value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A parameter value cannot contain a line break.", parameterName);
        }
    }

    private DigestCredentials(string scheme)
    {
        Scheme = scheme;
        OtherParameters = [];
    }

    /// <summary>Gets the authentication scheme as written (<c>Digest</c>).</summary>
    public string Scheme { get; }

    /// <summary>Gets a value indicating whether these are digest credentials; the other properties are only set when they are.</summary>
    [MemberNotNullWhen(true, nameof(Username), nameof(Realm), nameof(Nonce), nameof(Uri), nameof(Response))]
    public bool IsDigest { get; private init; }

    /// <summary>Gets the <c>username</c> parameter.</summary>
    public string? Username { get; private init; }

    /// <summary>Gets the <c>realm</c> parameter.</summary>
    public string? Realm { get; private init; }

    /// <summary>Gets the <c>nonce</c> parameter.</summary>
    public string? Nonce { get; private init; }

    /// <summary>Gets the <c>uri</c> parameter (the digest-uri).</summary>
    public string? Uri { get; private init; }

    /// <summary>Gets the <c>response</c> parameter (hexadecimal).</summary>
    public string? Response { get; private init; }

    /// <summary>Gets the <c>algorithm</c> parameter as written, or <see langword="null"/> when absent (which means MD5).</summary>
    public string? Algorithm { get; private init; }

    /// <summary>Gets the <c>cnonce</c> parameter, or <see langword="null"/>.</summary>
    public string? Cnonce { get; private init; }

    /// <summary>Gets the <c>opaque</c> parameter, or <see langword="null"/>.</summary>
    public string? Opaque { get; private init; }

    /// <summary>Gets the <c>qop</c> parameter as written, or <see langword="null"/> (an RFC 2069 response).</summary>
    public string? Qop { get; private init; }

    /// <summary>Gets the <c>nc</c> parameter as written (eight hexadecimal digits), or <see langword="null"/>.</summary>
    public string? NonceCount { get; private init; }

    /// <summary>Gets the parameters this type does not interpret, in their order, with unescaped values.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherParameters { get; private init; }

    /// <summary>Gets the nonce count as a number (0 when absent).</summary>
    internal uint NonceCountValue { get; private init; }

    private const string DigestScheme = "Digest";

    /// <summary>Parses an <c>Authorization</c> or <c>Proxy-Authorization</c> header value.</summary>
    /// <param name="s">The header value.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="SipFormatException">The value is not well formed; <see cref="SipFormatException.Position"/> says where, and <see cref="SipFormatException.Field"/> names the parameter when one is at fault.</exception>
    public static DigestCredentials Parse(ReadOnlySpan<char> s)
    {
        if (!TryParseCore(s, out var result, out var error))
        {
            throw new SipFormatException(error.Message, error.Position, null, error.Field);
        }

        return result;
    }

    /// <summary>Parses an <c>Authorization</c> or <c>Proxy-Authorization</c> header value without throwing.</summary>
    /// <param name="s">The header value.</param>
    /// <param name="result">The credentials, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is well formed.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, [NotNullWhen(true)] out DigestCredentials? result) => TryParseCore(s, out result, out _);

    /// <summary>Formats the credentials as a header value (<c>Digest username="…", realm="…", …</c>).</summary>
    /// <returns>The header value; for another scheme, only the scheme name.</returns>
    public override string ToString()
    {
        if (!IsDigest)
        {
            return Scheme;
        }

        var builder = new StringBuilder(256);
        builder.Append(Scheme).Append(' ');
        AppendQuoted(builder, "username", Username);
        builder.Append(", ");
        AppendQuoted(builder, "realm", Realm);
        builder.Append(", ");
        AppendQuoted(builder, "nonce", Nonce);
        builder.Append(", ");
        AppendQuoted(builder, "uri", Uri);
        builder.Append(", ");
        AppendQuoted(builder, "response", Response);
        if (Algorithm is not null)
        {
            builder.Append(", algorithm=").Append(Algorithm);
        }

        if (Cnonce is not null)
        {
            builder.Append(", ");
            AppendQuoted(builder, "cnonce", Cnonce);
        }

        if (Opaque is not null)
        {
            builder.Append(", ");
            AppendQuoted(builder, "opaque", Opaque);
        }

        if (Qop is not null)
        {
            builder.Append(", qop=").Append(Qop);
        }

        if (NonceCount is not null)
        {
            builder.Append(", nc=").Append(NonceCount);
        }

        foreach (var parameter in OtherParameters)
        {
            builder.Append(", ");
            if (parameter.Value.Length > 0 && IsToken(parameter.Value))
            {
                builder.Append(parameter.Key).Append('=').Append(parameter.Value);
            }
            else
            {
                AppendQuoted(builder, parameter.Key, parameter.Value);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends <c>name="value"</c>, escaping <c>"</c> and <c>\</c> as quoted pairs.</summary>
    internal static void AppendQuoted(StringBuilder builder, string name, string? value)
    {
        builder.Append(name).Append("=\"");
        foreach (var c in value.AsSpan())
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }
}
