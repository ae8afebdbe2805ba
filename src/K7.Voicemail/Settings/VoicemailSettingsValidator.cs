using MimeKit;

namespace K7.Voicemail.Settings;

/// <summary>Checks <see cref="VoicemailSettings"/> against the rules that keep every message reachable.</summary>
/// <remarks>
/// <para>E-mail type and after-notification action (✓ allowed, ✗ refused):</para>
/// <list type="table">
/// <listheader><term>Notification</term><description>LeaveAsNew / MoveToSaved / MoveToTrash</description></listheader>
/// <item><term>Off</term><description>✓ / ✓ / ✓ — no e-mail is sent, so the action never runs.</description></item>
/// <item><term>Hyperlink, BriefHyperlink</term><description>✓ / ✓ / ✗ — the e-mail only links to the message; moving
/// it to trash would lose it when trash is emptied.</description></item>
/// <item><term>Attachment, BriefAttachment</term><description>✓ / ✓ / ✓ — the recording travels with the e-mail.</description></item>
/// </list>
/// <para>When notification is on, <see cref="VoicemailSettings.EmailAddresses"/> must hold 1 to
/// <see cref="MaxEmailAddresses"/> distinct addresses (compared ignoring case), each a single mailbox that
/// <see cref="MailboxAddress.TryParse(string, out MailboxAddress)"/> accepts, with a domain. Addresses are checked even
/// when notification is off, so that stored values stay valid.</para>
/// </remarks>
public static class VoicemailSettingsValidator
{
    /// <summary>The most notification addresses one user may have.</summary>
    public const int MaxEmailAddresses = 10;

    /// <summary>The longest accepted address, in characters.</summary>
    public const int MaxEmailAddressLength = 254;

    /// <summary>Tells whether an e-mail type may be combined with an after-notification action (the matrix in the remarks).</summary>
    /// <param name="notification">The e-mail type.</param>
    /// <param name="afterNotification">The action after the e-mail.</param>
    /// <returns><see langword="true"/> when the combination loses nothing.</returns>
    public static bool IsAllowed(EmailNotification notification, AfterNotification afterNotification)
        => !(notification is EmailNotification.Hyperlink or EmailNotification.BriefHyperlink
             && afterNotification == AfterNotification.MoveToTrash);

    /// <summary>Checks settings and returns every broken rule.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The errors, empty when the settings are valid.</returns>
    public static IReadOnlyList<VoicemailSettingsError> Validate(VoicemailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<VoicemailSettingsError>();
        if (!Enum.IsDefined(settings.Notification))
        {
            errors.Add(new(nameof(VoicemailSettings.Notification), $"'{(int)settings.Notification}' is not an e-mail notification type."));
        }

        if (!Enum.IsDefined(settings.AfterNotification))
        {
            errors.Add(new(nameof(VoicemailSettings.AfterNotification), $"'{(int)settings.AfterNotification}' is not an action after notification."));
        }
        else if (!IsAllowed(settings.Notification, settings.AfterNotification))
        {
            errors.Add(new(
                nameof(VoicemailSettings.AfterNotification),
                "The e-mail only links to the message; moving it to trash would lose it when trash is emptied. Choose an attachment type, or leave the message as new or move it to saved."));
        }

        var addresses = settings.EmailAddresses.IsDefault ? [] : settings.EmailAddresses;
        if (settings.Notification != EmailNotification.Off && addresses.Length == 0)
        {
            errors.Add(new(nameof(VoicemailSettings.EmailAddresses), "E-mail notification is on, but no address is given; add at least one."));
        }

        if (addresses.Length > MaxEmailAddresses)
        {
            errors.Add(new(nameof(VoicemailSettings.EmailAddresses), $"{addresses.Length} addresses are given; at most {MaxEmailAddresses} are allowed."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < addresses.Length; i++)
        {
            var field = $"{nameof(VoicemailSettings.EmailAddresses)}[{i}]";
            if (CheckAddress(addresses[i]) is string reason)
            {
                errors.Add(new(field, reason));
            }
            else if (!seen.Add(addresses[i].Trim()))
            {
                errors.Add(new(field, $"'{addresses[i]}' is given twice."));
            }
        }

        return errors;
    }

    /// <summary>Checks settings and throws on the first broken rule.</summary>
    /// <param name="settings">The settings.</param>
    /// <exception cref="VoicemailValidationException">A rule is broken; <see cref="VoicemailValidationException.Field"/> names the field.</exception>
    public static void ThrowIfInvalid(VoicemailSettings settings)
    {
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            throw new VoicemailValidationException(errors[0].Field, errors[0].Reason, null);
        }
    }

    private static string? CheckAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "The address is empty.";
        }

        if (address.Length > MaxEmailAddressLength)
        {
            return $"The address is {address.Length} characters long; at most {MaxEmailAddressLength} are allowed.";
        }

        if (!MailboxAddress.TryParse(address, out var mailbox) || mailbox is null)
        {
            return $"'{address}' is not an e-mail address.";
        }

        var at = mailbox.Address.LastIndexOf('@');
        if (at <= 0 || at == mailbox.Address.Length - 1)
        {
            return $"'{address}' has no domain; write it as name@example.com.";
        }

        return null;
    }
}
