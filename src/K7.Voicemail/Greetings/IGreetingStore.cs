namespace K7.Voicemail.Greetings;

/// <summary>Keeps greetings, the active-greeting choice and recorded names, with their audio.</summary>
/// <remarks>
/// Implementations: <see cref="FileSystemGreetingStore"/> and <see cref="InMemoryGreetingStore"/>. The store does not
/// check business rules (names, limits, formats); <see cref="GreetingLibrary"/> does. Extensions passed in are already
/// validated by the library, but implementations must not trust them for paths without their own check.
/// </remarks>
public interface IGreetingStore
{
    /// <summary>Lists the greetings of an extension, oldest first.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The greetings.</returns>
    Task<IReadOnlyList<Greeting>> ListGreetingsAsync(string extension, CancellationToken cancellationToken = default);

    /// <summary>Adds a greeting with its audio; the greeting is visible only once both are stored.</summary>
    /// <param name="greeting">The greeting.</param>
    /// <param name="audio">The audio file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the greeting is durable.</returns>
    Task AddGreetingAsync(Greeting greeting, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default);

    /// <summary>Replaces the data of an existing greeting (its audio is unchanged).</summary>
    /// <param name="greeting">The greeting, with the same <see cref="Greeting.Id"/> and extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the greeting existed and was updated.</returns>
    Task<bool> UpdateGreetingAsync(Greeting greeting, CancellationToken cancellationToken = default);

    /// <summary>Deletes a greeting and its audio; if it was the active one, no greeting is active afterwards.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the greeting existed.</returns>
    Task<bool> DeleteGreetingAsync(string extension, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Opens the audio of a greeting.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A readable stream owned by the caller, or <see langword="null"/> when there is no such greeting.</returns>
    Task<Stream?> OpenGreetingAudioAsync(string extension, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Gets the identifier of the active greeting.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active greeting's id, or <see langword="null"/> when none is active.</returns>
    Task<Guid?> GetActiveGreetingIdAsync(string extension, CancellationToken cancellationToken = default);

    /// <summary>Chooses the active greeting, or none.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting to make active, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when <paramref name="id"/> names no greeting of the extension (nothing changes).</returns>
    Task<bool> SetActiveGreetingAsync(string extension, Guid? id, CancellationToken cancellationToken = default);

    /// <summary>Gets the recorded name of an extension.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The recorded name, or <see langword="null"/> when none is set.</returns>
    Task<RecordedName?> GetRecordedNameAsync(string extension, CancellationToken cancellationToken = default);

    /// <summary>Sets the recorded name, replacing any previous one (whose audio is removed).</summary>
    /// <param name="name">The recorded name.</param>
    /// <param name="audio">The audio file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the name is durable.</returns>
    Task SetRecordedNameAsync(RecordedName name, ReadOnlyMemory<byte> audio, CancellationToken cancellationToken = default);

    /// <summary>Removes the recorded name.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when a name was set.</returns>
    Task<bool> DeleteRecordedNameAsync(string extension, CancellationToken cancellationToken = default);

    /// <summary>Opens the audio of the recorded name.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A readable stream owned by the caller, or <see langword="null"/> when no name is set.</returns>
    Task<Stream?> OpenRecordedNameAudioAsync(string extension, CancellationToken cancellationToken = default);
}
