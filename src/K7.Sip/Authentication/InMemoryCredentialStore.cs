using System.Collections.Concurrent;

namespace K7.Sip.Authentication;

/// <summary>An <see cref="ICredentialStore"/> held in memory, keyed by user name (ordinal, case-sensitive).</summary>
/// <remarks>A password credential answers for every realm; an H(A1) credential only for its own realm. This class is
/// thread-safe: lookups never block while users are added or removed.</remarks>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<string, SipCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>Gets the number of users.</summary>
    public int Count => _credentials.Count;

    /// <summary>Gets the user names in the store, in ordinal order (a snapshot).</summary>
    public IReadOnlyList<string> Usernames => [.. _credentials.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds a user.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="credential">The user's credential.</param>
    /// <exception cref="ArgumentException">The user already exists.</exception>
    public void Add(string username, SipCredential credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(credential);
        if (!_credentials.TryAdd(username, credential))
        {
            throw new ArgumentException($"The user '{username}' already exists.", nameof(username));
        }
    }

    /// <summary>Adds a user, or replaces the credential of an existing one.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="credential">The user's credential.</param>
    public void Set(string username, SipCredential credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(credential);
        _credentials[username] = credential;
    }

    /// <summary>Removes a user.</summary>
    /// <param name="username">The user name.</param>
    /// <returns><see langword="true"/> when the user existed.</returns>
    public bool Remove(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return _credentials.TryRemove(username, out _);
    }

    /// <summary>Gets whether <paramref name="username"/> exists.</summary>
    /// <param name="username">The user name.</param>
    /// <returns><see langword="true"/> when the user exists.</returns>
    public bool Contains(string username)
    {
        ArgumentNullException.ThrowIfNull(username);
        return _credentials.ContainsKey(username);
    }

    /// <inheritdoc/>
    public ValueTask<SipCredential?> FindAsync(string username, string realm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        if (_credentials.TryGetValue(username, out var credential) && (credential.Realm is null || credential.Realm == realm))
        {
            return new(credential);
        }

        return new((SipCredential?)null);
    }
}
