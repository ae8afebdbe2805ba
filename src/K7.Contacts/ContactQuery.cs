namespace K7.Contacts;

/// <summary>A search of the contacts a user sees: the Contacts page's search box, group and status filters, and order.</summary>
/// <remarks>
/// Text matching ignores case and accents (<c>jose</c> finds José, <c>MULLER</c> finds Müller) and, for numbers, every
/// character but digits (<c>555-123</c> finds <c>+15551231111</c>). Empty or white-space text matches every contact.
/// </remarks>
public sealed record ContactQuery
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxTake = 100_000;

    /// <summary>Gets the text to look for in names, extensions and numbers, or <see langword="null"/> for every contact.</summary>
    public string? Text { get; init; }

    /// <summary>Gets how the text matches.</summary>
    /// <value>Default: <see cref="ContactMatchMode.Substring"/>.</value>
    public ContactMatchMode Match { get; init; }

    /// <summary>Gets the group to show.</summary>
    /// <value>Default: <see cref="ContactGroup.All"/>.</value>
    public ContactGroup Group { get; init; }

    /// <summary>
    /// Gets, for <see cref="ContactGroup.Sites"/> or <see cref="ContactGroup.Departments"/>, the one site or department
    /// to show (case-insensitive); <see langword="null"/> shows them all.
    /// </summary>
    public string? GroupName { get; init; }

    /// <summary>Gets the presence filter.</summary>
    /// <value>Default: <see cref="PresenceFilter.Any"/>.</value>
    public PresenceFilter Status { get; init; }

    /// <summary>Gets the order of the results.</summary>
    /// <value>Default: <see cref="ContactSort.LastName"/>.</value>
    public ContactSort Sort { get; init; }

    /// <summary>Gets how many matches to skip (paging).</summary>
    /// <value>Default: 0.</value>
    public int Skip { get; init; }

    /// <summary>Gets how many matches to return at most, 1 to <see cref="MaxTake"/>.</summary>
    /// <value>Default: 50.</value>
    public int Take { get; init; } = 50;
}
