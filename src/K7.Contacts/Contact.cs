namespace K7.Contacts;

/// <summary>
/// A contact: a user of the domain (the company directory), a contact shared with the domain, or a user's personal
/// contact. Immutable; change one with a <c>with</c> expression and save it through <see cref="ContactDirectory"/>.
/// </summary>
/// <remarks>
/// <para>
/// Phone numbers are kept as <see cref="ContactNumberNormalizer"/> gives them: E.164 (<c>+15551231111</c>) for numbers
/// of the public network, the digits alone for short internal numbers (<c>201</c>). Text is kept as entered, trimmed.
/// </para>
/// <para>
/// Favourites are not part of a contact: each user stars contacts for themselves (see
/// <see cref="ContactDirectory.SetFavoriteAsync"/>).
/// </para>
/// </remarks>
public sealed record Contact
{
    /// <summary>The longest first or last name, company, site or department accepted, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Gets the identifier.</summary>
    public required ContactId Id { get; init; }

    /// <summary>Gets what the contact is.</summary>
    /// <value>Default: <see cref="ContactKind.Personal"/>.</value>
    public ContactKind Kind { get; init; }

    /// <summary>Gets the user who owns a personal contact; <c>default</c> for users and shared contacts.</summary>
    public ContactId OwnerId { get; init; }

    /// <summary>Gets the first name.</summary>
    public string FirstName { get; init; } = string.Empty;

    /// <summary>Gets the last name.</summary>
    public string LastName { get; init; } = string.Empty;

    /// <summary>Gets the extension (digits), required for users and fixed once set; optional otherwise.</summary>
    public string? Extension { get; init; }

    /// <summary>Gets the work number (a CSV's "Primary Phone" lands here).</summary>
    public string? WorkNumber { get; init; }

    /// <summary>Gets the mobile number.</summary>
    public string? MobileNumber { get; init; }

    /// <summary>Gets the home number.</summary>
    public string? HomeNumber { get; init; }

    /// <summary>Gets the fax number.</summary>
    public string? FaxNumber { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the site a user belongs to (the "Sites" group), or <see langword="null"/>.</summary>
    public string? Site { get; init; }

    /// <summary>Gets the department a user belongs to (the "Departments" group), or <see langword="null"/>.</summary>
    public string? Department { get; init; }

    /// <summary>Gets a value indicating whether a user appears in the company directory (the profile's "List in Directory").</summary>
    /// <value>Default: <see langword="true"/>. Only meaningful for <see cref="ContactKind.User"/>.</value>
    public bool ListInDirectory { get; init; } = true;

    /// <summary>Gets the name to show: first and last name, or the first number or e-mail when both are empty.</summary>
    public string DisplayName
    {
        get
        {
            if (FirstName.Length > 0 && LastName.Length > 0)
            {
                return FirstName + " " + LastName;
            }

            if (FirstName.Length > 0 || LastName.Length > 0)
            {
                return FirstName.Length > 0 ? FirstName : LastName;
            }

            return Extension ?? WorkNumber ?? MobileNumber ?? HomeNumber ?? FaxNumber ?? Email ?? Id.Value;
        }
    }

    /// <summary>Gets a value indicating whether the viewer sees this contact at all (before any group filter).</summary>
    /// <param name="viewer">The user looking.</param>
    /// <returns>
    /// <see langword="true"/> for shared contacts, users listed in the directory, and the viewer's own personal contacts.
    /// </returns>
    public bool IsVisibleTo(ContactId viewer) => Kind switch
    {
        ContactKind.Shared => true,
        ContactKind.User => ListInDirectory,
        _ => OwnerId == viewer,
    };
}
