using System.Collections.Immutable;

namespace K7.Voicemail.Settings;

/// <summary>A user's voicemail settings (chapter 4.3 of the portal guide). Check them with <see cref="VoicemailSettingsValidator"/>.</summary>
/// <remarks>Equality compares <see cref="EmailAddresses"/> by value, in order.</remarks>
public sealed record VoicemailSettings
{
    /// <summary>Gets a value indicating whether callers may leave voicemails ("Enable Voicemail").</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets a value indicating whether the inbox lists the most recent message first.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool SortLatestFirst { get; init; } = true;

    /// <summary>Gets a value indicating whether playback announces when each message was received.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool AnnounceReceivedTime { get; init; }

    /// <summary>Gets a value indicating whether playback reads out the caller's number.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool AnnounceCallerId { get; init; }

    /// <summary>Gets whether and how new voicemails are announced by e-mail.</summary>
    /// <value>Default: <see cref="EmailNotification.Off"/>.</value>
    public EmailNotification Notification { get; init; }

    /// <summary>Gets what happens to a message once its e-mail is sent (ignored when <see cref="Notification"/> is off).</summary>
    /// <value>Default: <see cref="AfterNotification.LeaveAsNew"/>.</value>
    public AfterNotification AfterNotification { get; init; }

    /// <summary>Gets the addresses that receive notifications; at least one is needed when <see cref="Notification"/> is on.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<string> EmailAddresses { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(VoicemailSettings? other)
        => other is not null
            && Enabled == other.Enabled
            && SortLatestFirst == other.SortLatestFirst
            && AnnounceReceivedTime == other.AnnounceReceivedTime
            && AnnounceCallerId == other.AnnounceCallerId
            && Notification == other.Notification
            && AfterNotification == other.AfterNotification
            && EmailAddresses.AsSpan().SequenceEqual(other.EmailAddresses.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Enabled);
        hash.Add(SortLatestFirst);
        hash.Add(AnnounceReceivedTime);
        hash.Add(AnnounceCallerId);
        hash.Add(Notification);
        hash.Add(AfterNotification);
        foreach (var address in EmailAddresses.AsSpan())
        {
            hash.Add(address, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
