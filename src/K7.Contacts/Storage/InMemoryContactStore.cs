namespace K7.Contacts.Storage;

/// <summary>A store that keeps contacts in memory only, for tests and for hosts that load contacts from elsewhere.</summary>
/// <remarks>Thread-safe. Change sets apply atomically; nothing survives the process.</remarks>
public sealed class InMemoryContactStore : IContactStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ContactId, Contact> _contacts = [];
    private readonly HashSet<ContactFavorite> _favorites = [];

    /// <summary>Gets how many contacts are stored.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _contacts.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ContactStoreSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(new ContactStoreSnapshot([.. _contacts.Values], [.. _favorites]));
        }
    }

    /// <inheritdoc/>
    public ValueTask ApplyAsync(ContactChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var id in changes.Deletes)
            {
                _contacts.Remove(id);
            }

            foreach (var favorite in changes.FavoritesRemoved)
            {
                _favorites.Remove(favorite);
            }

            foreach (var contact in changes.Upserts)
            {
                _contacts[contact.Id] = contact;
            }

            foreach (var favorite in changes.FavoritesAdded)
            {
                _favorites.Add(favorite);
            }
        }

        return ValueTask.CompletedTask;
    }
}
