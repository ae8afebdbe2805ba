using System.Text;

namespace K7.Contacts.Search;

/// <summary>What a contact is searched and sorted by, computed once when it is indexed.</summary>
internal sealed class ContactSearchKeys
{
    /// <summary>Separates the parts of a key; folded text never holds it.</summary>
    public const char Separator = '\u0001';

    private ContactSearchKeys(Contact contact)
    {
        First = TextFolding.Fold(contact.FirstName);
        Last = TextFolding.Fold(contact.LastName);
        Names = First.Length > 0 && Last.Length > 0
            ? $"{First} {Last}{Separator}{Last} {First}"
            : First + Last;

        var digits = new StringBuilder();
        AppendDigits(digits, contact.Extension);
        AppendDigits(digits, contact.WorkNumber);
        AppendDigits(digits, contact.MobileNumber);
        AppendDigits(digits, contact.HomeNumber);
        AppendDigits(digits, contact.FaxNumber);
        Digits = digits.ToString();

        var extension = TextFolding.Digits(contact.Extension);
        ExtensionOrder = extension.Length == 0 ? null : extension.TrimStart('0');
        Site = contact.Kind == ContactKind.User ? TextFolding.Fold(contact.Site) : string.Empty;
        Department = contact.Kind == ContactKind.User ? TextFolding.Fold(contact.Department) : string.Empty;
    }

    /// <summary>Gets the folded first name.</summary>
    public string First { get; }

    /// <summary>Gets the folded last name.</summary>
    public string Last { get; }

    /// <summary>
    /// Gets the name key: "first last", the separator, "last first" when both names are set; otherwise the one name
    /// (or empty). Text matches a name when it appears in this key.
    /// </summary>
    public string Names { get; }

    /// <summary>
    /// Gets the digit key: the digits of the extension and of each number, and the national digits of each E.164
    /// number (<see cref="NumberDigits"/>), separated by the separator.
    /// </summary>
    public string Digits { get; }

    /// <summary>Gets the extension's digits without leading zeros (numeric order: shorter first, then ordinal); <see langword="null"/> without an extension.</summary>
    public string? ExtensionOrder { get; }

    /// <summary>Gets the folded site of a user; empty when not set or not a user.</summary>
    public string Site { get; }

    /// <summary>Gets the folded department of a user; empty when not set or not a user.</summary>
    public string Department { get; }

    /// <summary>Computes the keys of a contact.</summary>
    public static ContactSearchKeys For(Contact contact) => new(contact);

    private static void AppendDigits(StringBuilder key, string? number)
    {
        var digits = TextFolding.Digits(number);
        if (digits.Length == 0)
        {
            return;
        }

        Append(key, digits);
        Append(key, NumberDigits.National(number, digits));
    }

    private static void Append(StringBuilder key, string part)
    {
        if (part.Length == 0)
        {
            return;
        }

        if (key.Length > 0)
        {
            key.Append(Separator);
        }

        key.Append(part);
    }
}
