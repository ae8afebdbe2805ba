using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace K7.Contacts;

/// <summary>
/// Normalizes the phone numbers of contacts with libphonenumber, so that <c>(555) 123-1111</c>,
/// <c>555.123.1111</c> and <c>+1 555 123 1111</c> are stored, searched and exported as the same <c>+15551231111</c>.
/// </summary>
/// <remarks>
/// <para>
/// A number with a country code (<c>+44 20 7946 0958</c>, or the default region's international prefix such as
/// <c>011</c>), or a national number of <see cref="DefaultRegion"/>, that libphonenumber finds <em>possible</em> (the
/// right number of digits for its country) becomes E.164. It need not be <em>valid</em> (an assigned range): the
/// portal's own example numbers are in the 555 range, which libphonenumber considers unassigned.
/// </para>
/// <para>
/// Short internal numbers (an extension, a feature code such as <c>*97</c>) are kept as typed without separators:
/// 1 to 8 characters of digits, <c>*</c> and <c>#</c>. Anything else, letters included (vanity numbers such as
/// <c>1-800-FLOWERS</c> are not accepted), is an error that says why.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class ContactNumberNormalizer
{
    /// <summary>The longest internal number kept as typed.</summary>
    public const int MaxInternalLength = 8;

    private const int MaxInputLength = 64;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Initializes a new instance of the <see cref="ContactNumberNormalizer"/> class.</summary>
    /// <param name="defaultRegion">The two-letter ISO 3166-1 region whose national numbers are read without a country code (<c>US</c>).</param>
    /// <exception cref="ArgumentException">The region is not one libphonenumber supports.</exception>
    public ContactNumberNormalizer(string defaultRegion = "US")
    {
        ArgumentNullException.ThrowIfNull(defaultRegion);
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!IsSupportedRegion(region))
        {
            throw new ArgumentException(
                $"'{defaultRegion}' is not a region that libphonenumber supports; use a two-letter ISO 3166-1 code such as US, CA or GB.",
                nameof(defaultRegion));
        }

        DefaultRegion = region;
    }

    /// <summary>Gets the region whose national numbers are read without a country code.</summary>
    public string DefaultRegion { get; }

    /// <summary>Tells whether libphonenumber supports a region code.</summary>
    /// <param name="region">A two-letter ISO 3166-1 code, in upper case.</param>
    /// <returns><see langword="true"/> when supported.</returns>
    public static bool IsSupportedRegion(string? region) => region is not null && Util.GetSupportedRegions().Contains(region);

    /// <summary>Normalizes a number.</summary>
    /// <param name="text">The number as typed.</param>
    /// <returns>The E.164 form, or the internal number without separators.</returns>
    /// <exception cref="ContactFormatException">The text is not a phone number; the message says why.</exception>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryNormalize(text, out var normalized, out var error))
        {
            throw new ContactFormatException($"'{text}' is not a phone number: {error}.");
        }

        return normalized;
    }

    /// <summary>Normalizes a number without throwing.</summary>
    /// <param name="text">The number as typed.</param>
    /// <param name="normalized">The E.164 form, or the internal number without separators.</param>
    /// <param name="error">Why the text is not a phone number, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the text is a phone number.</returns>
    public bool TryNormalize(string? text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "it is empty";
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length > MaxInputLength)
        {
            error = $"it is longer than {MaxInputLength} characters";
            return false;
        }

        var digits = 0;
        var plus = false;
        Span<char> compact = stackalloc char[MaxInputLength];
        var length = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c) || c is '*' or '#')
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
                compact[length++] = c;
            }
            else if (c == '+' && length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0')
            {
                // separator
            }
            else
            {
                error = char.IsAsciiLetter(c)
                    ? $"letters are not accepted ('{c}' at position {i + 1})"
                    : $"'{c}' at position {i + 1} is not a digit or a separator";
                return false;
            }
        }

        if (digits == 0)
        {
            error = "it holds no digit";
            return false;
        }

        var compacted = compact[..length];
        if (!plus && length <= MaxInternalLength)
        {
            normalized = compacted.ToString();
            error = null;
            return true;
        }

        if (compacted.IndexOfAny('*', '#') >= 0)
        {
            error = "'*' and '#' belong only in short internal numbers";
            return false;
        }

        try
        {
            var number = Util.Parse(plus ? "+" + compacted.ToString() : compacted.ToString(), DefaultRegion);
            if (!Util.IsPossibleNumber(number))
            {
                error = Util.IsPossibleNumberWithReason(number) switch
                {
                    PhoneNumberUtil.ValidationResult.TOO_SHORT => "too short for its country",
                    PhoneNumberUtil.ValidationResult.TOO_LONG => "too long for its country",
                    PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "the country code is not one in use",
                    _ => "not a possible number for its country",
                };
                return false;
            }

            normalized = Util.Format(number, PhoneNumberFormat.E164);
            error = null;
            return true;
        }
        catch (NumberParseException e)
        {
            error = e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "the country code is not one in use",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "too short",
                ErrorType.TOO_LONG => "too long",
                _ => "not a phone number",
            };
            return false;
        }
    }
}
