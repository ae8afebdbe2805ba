using NodaTime;

namespace K7.Voicemail.Storage;

/// <summary>Stores voicemail messages by mailbox and folder, with their audio.</summary>
/// <remarks>
/// <para>
/// Expected outcomes are return values: a message that does not exist (any more) gives <see langword="null"/> or
/// <see langword="false"/>, never an exception. Invalid arguments throw <see cref="ArgumentException"/>.
/// </para>
/// <para>
/// Every operation is all-or-nothing: a message is either fully stored in exactly one folder or absent, even when
/// the process stops in the middle of an operation.
/// </para>
/// </remarks>
public interface IVoicemailStore
{
    /// <summary>Stores a new message in the <see cref="VoicemailFolder.New"/> folder of a mailbox.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="deposit">Who called, when, and the audio format.</param>
    /// <param name="audio">The audio, read to its end (not disposed).</param>
    /// <param name="cancellationToken">Cancels the deposit; nothing is stored then.</param>
    /// <returns>The stored message.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="deposit"/> fails <see cref="VoicemailDeposit.Validate"/>.</exception>
    ValueTask<VoicemailMessage> DepositAsync(MailboxId mailbox, VoicemailDeposit deposit, Stream audio, CancellationToken cancellationToken = default);

    /// <summary>Lists the messages of one folder; never reads audio.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="sort">The order, by <see cref="VoicemailMessage.ReceivedAt"/> then <see cref="VoicemailMessage.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The messages; empty for an unknown mailbox.</returns>
    ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(MailboxId mailbox, VoicemailFolder folder, VoicemailSort sort = VoicemailSort.LatestFirst, CancellationToken cancellationToken = default);

    /// <summary>Counts the messages in each folder of a mailbox.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The counts; all zero for an unknown mailbox.</returns>
    ValueTask<VoicemailCounts> CountsAsync(MailboxId mailbox, CancellationToken cancellationToken = default);

    /// <summary>Gets one message.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The message, or <see langword="null"/> when the mailbox holds no such message.</returns>
    ValueTask<VoicemailMessage?> GetAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default);

    /// <summary>Moves a message to another folder (save, trash, restore). Moving to its own folder changes nothing.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="destination">The destination folder.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>The message as it is now, or <see langword="null"/> when the mailbox holds no such message.</returns>
    ValueTask<VoicemailMessage?> MoveAsync(MailboxId mailbox, VoicemailMessageId id, VoicemailFolder destination, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message and its audio permanently, whatever its folder.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns><see langword="true"/> when the message existed and is now gone.</returns>
    ValueTask<bool> DeleteAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default);

    /// <summary>Copies a message into another mailbox's <see cref="VoicemailFolder.New"/> folder.</summary>
    /// <param name="from">The mailbox holding the message.</param>
    /// <param name="id">The message.</param>
    /// <param name="recipient">The receiving mailbox (may be <paramref name="from"/>).</param>
    /// <param name="cancellationToken">Cancels the forward; nothing is stored then.</param>
    /// <returns>
    /// The copy (new identifier, <see cref="VoicemailMessage.ForwardedFrom"/> = <paramref name="from"/>,
    /// <see cref="VoicemailMessage.ReceivedAt"/> = now), or <see langword="null"/> when <paramref name="from"/> holds no such message.
    /// The original is left as it was.
    /// </returns>
    ValueTask<VoicemailMessage?> ForwardAsync(MailboxId from, VoicemailMessageId id, MailboxId recipient, CancellationToken cancellationToken = default);

    /// <summary>Opens the audio of a message for reading.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="id">The message.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>A read-only stream the caller disposes, or <see langword="null"/> when the mailbox holds no such message.</returns>
    ValueTask<Stream?> OpenAudioAsync(MailboxId mailbox, VoicemailMessageId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes messages from the trash permanently.</summary>
    /// <param name="mailbox">The mailbox.</param>
    /// <param name="olderThanOrEqual">
    /// Deletes only messages that entered the trash at or before this instant (<see cref="VoicemailMessage.FolderChangedAt"/>);
    /// <see langword="null"/> empties the trash.
    /// </param>
    /// <param name="cancellationToken">Cancels the purge between messages; those already deleted stay deleted.</param>
    /// <returns>The number of messages deleted.</returns>
    ValueTask<int> PurgeTrashAsync(MailboxId mailbox, Instant? olderThanOrEqual = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the mailboxes the store holds (those that ever received a message).</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The mailboxes, in ordinal order of their identifiers.</returns>
    ValueTask<IReadOnlyList<MailboxId>> ListMailboxesAsync(CancellationToken cancellationToken = default);
}
