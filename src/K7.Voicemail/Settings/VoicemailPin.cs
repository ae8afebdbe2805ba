using System.Diagnostics.CodeAnalysis;

namespace K7.Voicemail.Settings;

/// <summary>The rules for a voicemail PIN: <see cref="MinLength"/> to <see cref="MaxLength"/> ASCII digits, not containing the mailbox extension.</summary>
public static class VoicemailPin
{
    /// <summary>The shortest accepted PIN.</summary>
    public const int MinLength = 4;

    /// <summary>The longest accepted PIN.</summary>
    public const int MaxLength = 12;

    /// <summary>Checks a PIN for a mailbox and throws when it breaks a rule.</summary>
    /// <param name="pin">The PIN.</param>
    /// <param name="extension">The mailbox extension (1 to 32 ASCII letters, digits, '_' or '-').</param>
    /// <exception cref="VoicemailValidationException">The PIN breaks a rule (<see cref="VoicemailValidationException.Field"/> is <c>Pin</c>).</exception>
    /// <exception cref="ArgumentException"><paramref name="extension"/> is null or malformed.</exception>
    public static void Validate(string? pin, string extension)
    {
        if (!TryValidate(pin, extension, out var reason))
        {
            throw new VoicemailValidationException("Pin", reason, null);
        }
    }

    /// <summary>Checks a PIN for a mailbox.</summary>
    /// <param name="pin">The PIN.</param>
    /// <param name="extension">The mailbox extension (1 to 32 ASCII letters, digits, '_' or '-').</param>
    /// <param name="reason">Why the PIN is refused, when it is.</param>
    /// <returns><see langword="true"/> when the PIN is acceptable.</returns>
    /// <exception cref="ArgumentException"><paramref name="extension"/> is null or malformed.</exception>
    public static bool TryValidate(string? pin, string extension, [NotNullWhen(false)] out string? reason)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        if (string.IsNullOrEmpty(pin))
        {
            reason = "The PIN is empty.";
            return false;
        }

        for (var i = 0; i < pin.Length; i++)
        {
            if (!char.IsAsciiDigit(pin[i]))
            {
                reason = $"The PIN may contain only digits 0-9; position {i + 1} is not a digit.";
                return false;
            }
        }

        if (pin.Length < MinLength)
        {
            reason = $"The PIN has {pin.Length} digits; at least {MinLength} are required.";
            return false;
        }

        if (pin.Length > MaxLength)
        {
            reason = $"The PIN has {pin.Length} digits; at most {MaxLength} are allowed.";
            return false;
        }

        if (pin.Contains(extension, StringComparison.Ordinal))
        {
            reason = $"The PIN must not contain the extension {extension}.";
            return false;
        }

        reason = null;
        return true;
    }
}
