using System.Collections.Concurrent;
using NodaTime;

namespace K7.Contacts;

/// <summary>
/// The presence of every user: the coloured circle (set by the user, or by the phone system as calls start and end)
/// and the custom status message. Raises <see cref="Changed"/> on every change.
/// </summary>
/// <remarks>
/// Thread-safe. Reads are lock-free; changes to one user are serialized, and <see cref="Changed"/> is raised after
/// the change, on the thread that made it, in the order the changes were made for that user.
/// </remarks>
public sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<ContactId, Presence> _presence = new();
    private readonly IClock _clock;

    /// <summary>Initializes a new instance of the <see cref="PresenceTracker"/> class.</summary>
    /// <param name="clock">The clock that stamps changes.</param>
    public PresenceTracker(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Raised after a user's presence changed (not when a set leaves it as it was).</summary>
    public event EventHandler<PresenceChangedEventArgs>? Changed;

    /// <summary>Gets a user's presence; <see cref="Presence.Unknown"/> (offline) for users never set.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The presence.</returns>
    public Presence Get(ContactId user) => _presence.TryGetValue(user, out var presence) ? presence : Presence.Unknown;

    /// <summary>Sets a user's state, keeping their status message.</summary>
    /// <param name="user">The user.</param>
    /// <param name="state">The new state.</param>
    /// <returns>The presence now.</returns>
    public Presence SetState(ContactId user, PresenceState state)
    {
        CheckState(state);
        return Update(user, state, keepMessage: true, message: null);
    }

    /// <summary>Sets a user's custom status message, keeping their state.</summary>
    /// <param name="user">The user.</param>
    /// <param name="message">The message; <see langword="null"/> or white space clears it.</param>
    /// <returns>The presence now.</returns>
    /// <exception cref="ArgumentException">The message is longer than <see cref="Presence.MaxMessageLength"/> or holds control characters.</exception>
    public Presence SetMessage(ContactId user, string? message)
    {
        message = CheckMessage(message);
        return Update(user, null, keepMessage: false, message);
    }

    /// <summary>Sets a user's state and status message.</summary>
    /// <param name="user">The user.</param>
    /// <param name="state">The new state.</param>
    /// <param name="message">The message; <see langword="null"/> or white space clears it.</param>
    /// <returns>The presence now.</returns>
    /// <exception cref="ArgumentException">The message is longer than <see cref="Presence.MaxMessageLength"/> or holds control characters.</exception>
    public Presence Set(ContactId user, PresenceState state, string? message)
    {
        CheckState(state);
        message = CheckMessage(message);
        return Update(user, state, keepMessage: false, message);
    }

    /// <summary>Forgets a user (removed from the domain); they read as offline again.</summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> when the user had a presence.</returns>
    public bool Remove(ContactId user)
    {
        if (!_presence.TryRemove(user, out var previous))
        {
            return false;
        }

        if (previous.State != PresenceState.Offline || previous.Message is not null)
        {
            Changed?.Invoke(this, new PresenceChangedEventArgs(user, previous, Presence.Unknown));
        }

        return true;
    }

    /// <summary>Gets the state alone, for the search hot path.</summary>
    internal PresenceState GetState(ContactId user) => _presence.TryGetValue(user, out var presence) ? presence.State : PresenceState.Offline;

    private static void CheckState(PresenceState state)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown presence state.");
        }
    }

    private static string? CheckMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        message = message.Trim();
        if (message.Length > Presence.MaxMessageLength)
        {
            throw new ArgumentException($"The status message is {message.Length} characters long; at most {Presence.MaxMessageLength} are allowed.", nameof(message));
        }

        for (var i = 0; i < message.Length; i++)
        {
            if (char.IsControl(message[i]))
            {
                throw new ArgumentException($"The status message holds a control character at position {i + 1}.", nameof(message));
            }
        }

        return message;
    }

    private Presence Update(ContactId user, PresenceState? state, bool keepMessage, string? message)
    {
        if (user.IsEmpty)
        {
            throw new ArgumentException("The user identifier is empty.", nameof(user));
        }

        while (true)
        {
            var exists = _presence.TryGetValue(user, out var previous);
            previous ??= Presence.Unknown;
            var newState = state ?? previous.State;
            var newMessage = keepMessage ? previous.Message : message;
            if (newState == previous.State && string.Equals(newMessage, previous.Message, StringComparison.Ordinal))
            {
                return previous;
            }

            var next = new Presence(newState, newMessage, _clock.GetCurrentInstant());
            var swapped = exists ? _presence.TryUpdate(user, next, previous) : _presence.TryAdd(user, next);
            if (swapped)
            {
                Changed?.Invoke(this, new PresenceChangedEventArgs(user, previous, next));
                return next;
            }
        }
    }
}
