using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace K7.Sip.Authentication;

/// <summary>Computes the values of digest authentication (RFC 7616 §3.4.1 and §3.4.2, with RFC 3261 §22.4 for SIP).</summary>
/// <remarks>Text is encoded as UTF-8; hexadecimal results are lower case, as the RFCs require.</remarks>
public static class DigestCalculator
{
    /// <summary>The largest hash size of a supported algorithm, in bytes.</summary>
    internal const int MaxHashSize = 32;

    /// <summary>The largest hexadecimal hash length of a supported algorithm.</summary>
    internal const int MaxHexSize = MaxHashSize * 2;

    private const int StackLimit = 512;

    /// <summary>Computes H(A1) = H(username ":" realm ":" password), the value a credential store may keep instead of the password.</summary>
    /// <param name="algorithm">The hash algorithm.</param>
    /// <param name="username">The user name.</param>
    /// <param name="realm">The realm.</param>
    /// <param name="password">The password.</param>
    /// <returns>The hash as lower-case hexadecimal.</returns>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hex = stackalloc byte[MaxHexSize];
        var length = Ha1Hex(algorithm, username, realm, password, hex);
        return Encoding.ASCII.GetString(hex[..length]);
    }

    /// <summary>Computes the <c>response</c> value of a digest response with <c>qop=auth</c>, or with no qop (RFC 2069) when <paramref name="qop"/> is <see langword="null"/>.</summary>
    /// <param name="algorithm">The hash algorithm.</param>
    /// <param name="ha1">H(A1) as hexadecimal (see <see cref="ComputeHa1"/>).</param>
    /// <param name="method">The request method (<c>REGISTER</c>).</param>
    /// <param name="uri">The <c>uri</c> parameter of the response (the digest-uri).</param>
    /// <param name="nonce">The server's nonce.</param>
    /// <param name="nonceCount">The <c>nc</c> value (eight hexadecimal digits); ignored without qop.</param>
    /// <param name="cnonce">The client nonce; ignored without qop.</param>
    /// <param name="qop">The quality of protection (<c>auth</c>), or <see langword="null"/> for the RFC 2069 form.</param>
    /// <returns>The response as lower-case hexadecimal.</returns>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string ha1, string method, string uri, string nonce, string? nonceCount, string? cnonce, string? qop)
    {
        ArgumentNullException.ThrowIfNull(ha1);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(nonce);
        Span<byte> ha1Bytes = stackalloc byte[MaxHexSize];
        if (!TryReadHex(algorithm, ha1, ha1Bytes))
        {
            throw new ArgumentException($"H(A1) must be {HashSize(algorithm) * 2} hexadecimal digits for {Name(algorithm)}.", nameof(ha1));
        }

        Span<byte> hex = stackalloc byte[MaxHexSize];
        var length = ResponseHex(algorithm, ha1Bytes[..(HashSize(algorithm) * 2)], method, uri, nonce, nonceCount, cnonce, qop, hex);
        return Encoding.ASCII.GetString(hex[..length]);
    }

    /// <summary>Gets the size of a hash of <paramref name="algorithm"/>, in bytes.</summary>
    internal static int HashSize(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? 16 : 32;

    /// <summary>Gets the RFC 7616 name of <paramref name="algorithm"/>.</summary>
    internal static string Name(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Sha256 => "SHA-256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm."),
    };

    /// <summary>Reads an algorithm name (case-insensitive); the session variants are not recognised.</summary>
    internal static bool TryParseName(ReadOnlySpan<char> name, out DigestAlgorithm algorithm)
    {
        if (name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Md5;
            return true;
        }

        if (name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        algorithm = default;
        return false;
    }

    /// <summary>Writes H(username:realm:password) as lower-case hex into <paramref name="destination"/> and returns its length.</summary>
    internal static int Ha1Hex(DigestAlgorithm algorithm, ReadOnlySpan<char> username, ReadOnlySpan<char> realm, ReadOnlySpan<char> password, Span<byte> destination)
    {
        var max = Encoding.UTF8.GetMaxByteCount(username.Length + realm.Length + password.Length + 2);
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var n = Encoding.UTF8.GetBytes(username, buffer);
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(realm, buffer[n..]);
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(password, buffer[n..]);
            var result = HashHex(algorithm, buffer[..n], destination);
            CryptographicOperations.ZeroMemory(buffer[..n]);
            return result;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the expected response as lower-case hex into <paramref name="destination"/> and returns its length.</summary>
    internal static int ResponseHex(
        DigestAlgorithm algorithm,
        ReadOnlySpan<byte> ha1Hex,
        ReadOnlySpan<char> method,
        ReadOnlySpan<char> uri,
        ReadOnlySpan<char> nonce,
        ReadOnlySpan<char> nonceCount,
        ReadOnlySpan<char> cnonce,
        ReadOnlySpan<char> qop,
        Span<byte> destination)
    {
        var withQop = !qop.IsEmpty;
        var chars = method.Length + uri.Length + 1;
        var kdChars = ha1Hex.Length + nonce.Length + MaxHexSize + 5 + (withQop ? nonceCount.Length + cnonce.Length + qop.Length : 0);
        var max = Encoding.UTF8.GetMaxByteCount(Math.Max(chars, kdChars));
        byte[]? rented = null;
        var buffer = max <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            // H(A2) = H(method ":" digest-uri)
            var n = Encoding.UTF8.GetBytes(method, buffer);
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(uri, buffer[n..]);
            Span<byte> ha2Hex = stackalloc byte[MaxHexSize];
            var ha2Length = HashHex(algorithm, buffer[..n], ha2Hex);

            // KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2)), or H(H(A1) ":" nonce ":" H(A2)) without qop.
            ha1Hex.CopyTo(buffer);
            n = ha1Hex.Length;
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(nonce, buffer[n..]);
            buffer[n++] = (byte)':';
            if (withQop)
            {
                n += Encoding.UTF8.GetBytes(nonceCount, buffer[n..]);
                buffer[n++] = (byte)':';
                n += Encoding.UTF8.GetBytes(cnonce, buffer[n..]);
                buffer[n++] = (byte)':';
                n += Encoding.UTF8.GetBytes(qop, buffer[n..]);
                buffer[n++] = (byte)':';
            }

            ha2Hex[..ha2Length].CopyTo(buffer[n..]);
            n += ha2Length;
            var result = HashHex(algorithm, buffer[..n], destination);
            CryptographicOperations.ZeroMemory(buffer[..n]);
            return result;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Hashes <paramref name="source"/> and writes the hash as lower-case hex; returns the hex length.</summary>
    internal static int HashHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[MaxHashSize];
        int size;
        if (algorithm == DigestAlgorithm.Md5)
        {
#pragma warning disable CA5351 // RFC 3261 and RFC 8760 require MD5 digests for interoperability with existing phones.
            size = MD5.HashData(source, hash);
#pragma warning restore CA5351
        }
        else
        {
            size = SHA256.HashData(source, hash);
        }

        WriteHexLower(hash[..size], destination);
        return size * 2;
    }

    /// <summary>Checks that <paramref name="hex"/> is a hash of <paramref name="algorithm"/> in hexadecimal and writes it as lower-case ASCII.</summary>
    internal static bool TryReadHex(DigestAlgorithm algorithm, ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != HashSize(algorithm) * 2)
        {
            return false;
        }

        for (var i = 0; i < hex.Length; i++)
        {
            var c = hex[i];
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            destination[i] = (byte)char.ToLowerInvariant(c);
        }

        return true;
    }

    /// <summary>Writes <paramref name="bytes"/> as lower-case ASCII hex.</summary>
    internal static void WriteHexLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        const string Digits = "0123456789abcdef";
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[bytes[i] & 0xF];
        }
    }
}
