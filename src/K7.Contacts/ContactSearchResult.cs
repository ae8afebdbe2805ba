namespace K7.Contacts;

/// <summary>A page of search results.</summary>
/// <param name="Items">The matches on this page, in the query's order.</param>
/// <param name="TotalCount">How many contacts match in all, before paging.</param>
public sealed record ContactSearchResult(IReadOnlyList<ContactMatch> Items, int TotalCount);
