namespace K7.Contacts;

/// <summary>What a signed-in user may do with contacts.</summary>
public enum ContactRole
{
    /// <summary>A basic user: their own personal contacts and stars, and their own directory entry (not its extension).</summary>
    Basic = 0,

    /// <summary>An office manager: also users and shared contacts of the domain.</summary>
    OfficeManager = 1,
}
