namespace K7.Routing;

/// <summary>A phone number on an allow or block list, with an optional label for people (a contact name, "Spam").</summary>
/// <param name="Number">The canonical number; never the empty key.</param>
/// <param name="Name">A label, or <see langword="null"/>. White space around it is removed, and an empty or all-white-space label becomes <see langword="null"/>.</param>
/// <remarks>Two entries are equal when their numbers and their names (compared ordinally) are equal.</remarks>
public sealed record NumberListEntry(PhoneNumberKey Number, string? Name = null)
{
    private readonly PhoneNumberKey _number = RequireNumber(Number, nameof(Number));
    private readonly string? _name = NormalizeName(Name);

    /// <summary>Gets the canonical number; never the empty key.</summary>
    /// <exception cref="ArgumentException">Set to the empty key.</exception>
    public PhoneNumberKey Number
    {
        get => _number;
        init => _number = RequireNumber(value, nameof(value));
    }

    /// <summary>Gets the label, or <see langword="null"/>: trimmed, and never empty.</summary>
    public string? Name
    {
        get => _name;
        init => _name = NormalizeName(value);
    }

    private static PhoneNumberKey RequireNumber(PhoneNumberKey number, string parameterName) =>
        number.IsEmpty ? throw new ArgumentException("A list entry needs a phone number; the key is empty.", parameterName) : number;

    private static string? NormalizeName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var trimmed = name.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
