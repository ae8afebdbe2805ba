namespace K7.Contacts.Storage;

/// <summary>
/// Where contacts and favourites are kept. <see cref="ContactDirectory"/> loads everything once and then writes each
/// change through; searches never touch the store.
/// </summary>
/// <remarks>
/// Implementations must apply a <see cref="ContactChangeSet"/> atomically: after a failure, a crash or a killed process,
/// either all of it or none of it is stored. Calls are not concurrent: the directory applies one change set at a time.
/// </remarks>
public interface IContactStore
{
    /// <summary>Reads every contact and favourite.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored state.</returns>
    ValueTask<ContactStoreSnapshot> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a change set, all of it or none of it.</summary>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the write (before it commits).</param>
    /// <returns>A task that completes when the changes are durable.</returns>
    ValueTask ApplyAsync(ContactChangeSet changes, CancellationToken cancellationToken = default);
}
