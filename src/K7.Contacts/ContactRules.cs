using System.Net.Mail;
using K7.Contacts.Formats;

namespace K7.Contacts;

/// <summary>The rules every stored contact obeys, and the normalization that brings a contact to its stored form.</summary>
internal static class ContactRules
{
    /// <summary>The longest extension, in digits.</summary>
    public const int MaxExtensionLength = 10;

    /// <summary>The longest e-mail address (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>A problem with one field.</summary>
    public readonly record struct Problem(ContactField Field, string Reason);

    /// <summary>Trims text, normalizes numbers and checks every rule; throws on the first problem.</summary>
    public static Contact Normalize(Contact contact, ContactNumberNormalizer numbers)
    {
        if (!TryNormalize(contact, numbers, out var normalized, out var problem))
        {
            throw new ContactValidationException(problem.Field.ToString(), problem.Reason, null);
        }

        return normalized;
    }

    /// <summary>Trims text, normalizes numbers and checks every rule.</summary>
    public static bool TryNormalize(Contact contact, ContactNumberNormalizer numbers, out Contact normalized, out Problem problem)
    {
        normalized = contact;
        if (contact.Id.IsEmpty)
        {
            problem = new Problem(ContactField.Kind, "the contact has no identifier");
            return false;
        }

        if (!Enum.IsDefined(contact.Kind))
        {
            problem = new Problem(ContactField.Kind, $"{(int)contact.Kind} is not a contact kind");
            return false;
        }

        if (!TryName(contact.FirstName, ContactField.FirstName, out var first, out problem)
            || !TryName(contact.LastName, ContactField.LastName, out var last, out problem)
            || !TryOptionalName(contact.Site, ContactField.Site, out var site, out problem)
            || !TryOptionalName(contact.Department, ContactField.Department, out var department, out problem)
            || !TryExtension(contact.Extension, out var extension, out problem)
            || !TryNumber(contact.WorkNumber, ContactField.WorkNumber, numbers, out var work, out problem)
            || !TryNumber(contact.MobileNumber, ContactField.MobileNumber, numbers, out var mobile, out problem)
            || !TryNumber(contact.HomeNumber, ContactField.HomeNumber, numbers, out var home, out problem)
            || !TryNumber(contact.FaxNumber, ContactField.FaxNumber, numbers, out var fax, out problem)
            || !TryEmail(contact.Email, out var email, out problem))
        {
            return false;
        }

        switch (contact.Kind)
        {
            case ContactKind.User:
                if (extension is null)
                {
                    problem = new Problem(ContactField.Extension, "a user needs an extension");
                    return false;
                }

                if (!contact.OwnerId.IsEmpty)
                {
                    problem = new Problem(ContactField.Kind, "a user has no owner");
                    return false;
                }

                break;
            case ContactKind.Shared:
                if (!contact.OwnerId.IsEmpty)
                {
                    problem = new Problem(ContactField.Kind, "a shared contact has no owner");
                    return false;
                }

                break;
            default:
                if (contact.OwnerId.IsEmpty)
                {
                    problem = new Problem(ContactField.Kind, "a personal contact needs an owner");
                    return false;
                }

                break;
        }

        if (first.Length == 0 && last.Length == 0 && extension is null && work is null && mobile is null && home is null && fax is null && email is null)
        {
            problem = new Problem(ContactField.FirstName, "a contact needs a name, a number or an e-mail address");
            return false;
        }

        normalized = contact with
        {
            FirstName = first,
            LastName = last,
            Extension = extension,
            WorkNumber = work,
            MobileNumber = mobile,
            HomeNumber = home,
            FaxNumber = fax,
            Email = email,
            Site = contact.Kind == ContactKind.User ? site : null,
            Department = contact.Kind == ContactKind.User ? department : null,
            ListInDirectory = contact.Kind != ContactKind.User || contact.ListInDirectory,
        };
        problem = default;
        return true;
    }

    private static bool TryName(string? text, ContactField field, out string value, out Problem problem)
    {
        value = text?.Trim() ?? string.Empty;
        return CheckText(value, field, out problem);
    }

    private static bool TryOptionalName(string? text, ContactField field, out string? value, out Problem problem)
    {
        var trimmed = text?.Trim();
        value = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        return CheckText(value ?? string.Empty, field, out problem);
    }

    private static bool CheckText(string value, ContactField field, out Problem problem)
    {
        if (value.Length > Contact.MaxNameLength)
        {
            problem = new Problem(field, $"{value.Length} characters; at most {Contact.MaxNameLength} are allowed");
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                problem = new Problem(field, $"a control character at position {i + 1}");
                return false;
            }
        }

        problem = default;
        return true;
    }

    private static bool TryExtension(string? text, out string? value, out Problem problem)
    {
        var trimmed = text?.Trim();
        value = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        problem = default;
        if (value is null)
        {
            return true;
        }

        if (value.Length > MaxExtensionLength)
        {
            problem = new Problem(ContactField.Extension, $"'{value}' is longer than {MaxExtensionLength} digits");
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                problem = new Problem(ContactField.Extension, $"'{value}' is not an extension: only digits are allowed ('{value[i]}' at position {i + 1})");
                return false;
            }
        }

        return true;
    }

    private static bool TryNumber(string? text, ContactField field, ContactNumberNormalizer numbers, out string? value, out Problem problem)
    {
        value = null;
        problem = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!numbers.TryNormalize(text, out value, out var error))
        {
            problem = new Problem(field, $"'{text.Trim()}' is not a phone number: {error}");
            return false;
        }

        return true;
    }

    private static bool TryEmail(string? text, out string? value, out Problem problem)
    {
        var trimmed = text?.Trim();
        value = string.IsNullOrEmpty(trimmed) ? null : trimmed;
        problem = default;
        if (value is null)
        {
            return true;
        }

        if (value.Length > MaxEmailLength
            || !MailAddress.TryCreate(value, out var address)
            || !string.Equals(address.Address, value, StringComparison.Ordinal)
            || address.DisplayName.Length > 0)
        {
            problem = new Problem(ContactField.Email, $"'{value}' is not an e-mail address");
            return false;
        }

        return true;
    }
}
