using System.ComponentModel.DataAnnotations;

namespace K7.Contacts;

/// <summary>Options of K7.Contacts.</summary>
public sealed class ContactsOptions
{
    /// <summary>Gets or sets the region whose national numbers are read without a country code (two-letter ISO 3166-1 code).</summary>
    /// <value>Default: <c>US</c>.</value>
    [Required]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Gets or sets the SQLite database file of the embedded store.</summary>
    /// <value>Default: <c>k7-contacts/contacts.db</c> under the current directory.</value>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("k7-contacts", "contacts.db");

    /// <summary>Gets or sets the largest file an import accepts, in bytes.</summary>
    /// <value>Default: 20 MiB.</value>
    [Range(1, int.MaxValue)]
    public int MaxImportBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Gets or sets the most rows or cards an import accepts.</summary>
    /// <value>Default: 100,000.</value>
    [Range(1, 10_000_000)]
    public int MaxImportRows { get; set; } = 100_000;
}
