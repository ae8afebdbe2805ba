namespace K7.Voicemail;

/// <summary>What a deposit did: the stored message (in its folder after the notification) and how the e-mail went.</summary>
/// <param name="Message">The message as it is stored now.</param>
/// <param name="Notification">Whether an e-mail was sent, not wanted, or failed (the message then stays new).</param>
public sealed record VoicemailDepositResult(VoicemailMessage Message, VoicemailNotificationOutcome Notification);
