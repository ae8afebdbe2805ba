using NodaTime;

namespace K7.Contacts;

/// <summary>A user's presence: the coloured circle and the custom status message others see.</summary>
/// <param name="State">The availability.</param>
/// <param name="Message">The custom status message, or <see langword="null"/>.</param>
/// <param name="Since">When the state or message last changed.</param>
public sealed record Presence(PresenceState State, string? Message, Instant Since)
{
    /// <summary>The longest status message accepted, in characters.</summary>
    public const int MaxMessageLength = 200;

    /// <summary>Gets the presence of someone never seen: offline, no message, since the epoch.</summary>
    public static Presence Unknown { get; } = new(PresenceState.Offline, null, Instant.FromUnixTimeTicks(0));

    /// <summary>Gets a value indicating whether the state is online (available, or available for chat).</summary>
    public bool IsOnline => State is PresenceState.Available or PresenceState.AvailableForChat;
}
