namespace K7.Sip.Authentication;

/// <summary>Looks up the secret of a SIP user for digest authentication.</summary>
/// <remarks>Implementations are thread-safe; <see cref="DigestAuthenticator"/> calls them for every request it verifies.</remarks>
public interface ICredentialStore
{
    /// <summary>Finds the credential of <paramref name="username"/> in <paramref name="realm"/>.</summary>
    /// <param name="username">The user name from the response (case-sensitive, as in a SIP URI's user part).</param>
    /// <param name="realm">The realm of the response.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The credential, or <see langword="null"/> when the user is unknown.</returns>
    ValueTask<SipCredential?> FindAsync(string username, string realm, CancellationToken cancellationToken = default);
}
