namespace K7.Voicemail.Settings;

/// <summary>One broken rule found by <see cref="VoicemailSettingsValidator"/>.</summary>
/// <param name="Field">The offending field, such as <c>AfterNotification</c> or <c>EmailAddresses[1]</c>.</param>
/// <param name="Reason">Why the value is refused, in words a portal can show next to the field.</param>
public readonly record struct VoicemailSettingsError(string Field, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Reason}";
}
