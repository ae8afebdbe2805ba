using System.Buffers;

namespace K7.Voicemail.Settings;

/// <summary>The shape of a mailbox extension as this package accepts it (it names folders in file stores).</summary>
internal static class ExtensionRules
{
    public const int MaxLength = 32;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-");

    /// <summary>Returns why <paramref name="extension"/> is not acceptable, or null: 1 to 32 ASCII letters, digits, '_' or '-', starting with a letter or digit.</summary>
    public static string? Check(string? extension)
    {
        if (string.IsNullOrEmpty(extension))
        {
            return "The extension is empty.";
        }

        if (extension.Length > MaxLength)
        {
            return $"The extension is {extension.Length} characters long; at most {MaxLength} are allowed.";
        }

        if (extension.AsSpan().IndexOfAnyExcept(Allowed) is var i and >= 0)
        {
            return $"The extension contains '{extension[i]}' at {i}; only ASCII letters, digits, '_' and '-' are allowed.";
        }

        if (!char.IsAsciiLetterOrDigit(extension[0]))
        {
            return "The extension must start with a letter or a digit.";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="extension"/> is not acceptable.</summary>
    public static void ThrowIfInvalid(string? extension, string paramName)
    {
        ArgumentNullException.ThrowIfNull(extension, paramName);
        if (Check(extension) is string reason)
        {
            throw new ArgumentException(reason, paramName);
        }
    }
}
