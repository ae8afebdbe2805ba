namespace K7.SampleHost.Domain;

/// <summary>The portal's password rules: at least 8 characters and 1 capital letter, and not containing the extension.</summary>
public static class PasswordPolicy
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 8;

    /// <summary>The longest password accepted (PBKDF2 hashes anything, but a limit stops abuse).</summary>
    public const int MaxLength = 128;

    /// <summary>Checks <paramref name="password"/> for <paramref name="extension"/>.</summary>
    /// <returns><see langword="null"/> when the password is acceptable, else the reason in one sentence.</returns>
    public static string? Check(string? password, string extension)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "A password is required.";
        }

        if (password.Length < MinLength)
        {
            return $"Use at least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"Use at most {MaxLength} characters.";
        }

        if (!password.Any(char.IsUpper))
        {
            return "Use at least 1 capital letter.";
        }

        if (password.Contains(extension, StringComparison.Ordinal))
        {
            return $"The password must not contain the extension {extension}.";
        }

        return null;
    }
}
