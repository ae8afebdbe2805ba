namespace K7.Sip.Registrar;

/// <summary>Builds the canonical key of an address of record (AOR), the name bindings are stored under.</summary>
/// <remarks>
/// RFC 3261 §10.3 step 5 keys bindings by the To URI of the REGISTER, "converted to a canonical form": here that is
/// <c>scheme:user@host</c> with the scheme and host in lower case, the user part kept as written (user names are
/// case-sensitive), and no port, password, URI parameters or headers.
/// </remarks>
public static class AddressOfRecord
{
    /// <summary>Returns the canonical AOR key for a To URI's parts, such as <c>sip:202wp@example.com</c>.</summary>
    /// <param name="scheme">The URI scheme, such as "sip" or "sips" (any case).</param>
    /// <param name="user">The user part, or <see langword="null"/> or empty for an AOR that is a bare host.</param>
    /// <param name="host">The host (any case); an IPv6 reference is kept with its brackets.</param>
    /// <returns>The canonical key: <c>scheme:user@host</c>, or <c>scheme:host</c> without a user.</returns>
    /// <exception cref="ArgumentException"><paramref name="scheme"/> or <paramref name="host"/> is null or empty.</exception>
    public static string Canonical(string scheme, string? user, string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(host);
        var lowerScheme = scheme.ToLowerInvariant();
        var lowerHost = host.ToLowerInvariant();
        return string.IsNullOrEmpty(user)
            ? string.Concat(lowerScheme, ":", lowerHost)
            : string.Concat(lowerScheme, ":", user, "@", lowerHost);
    }
}
