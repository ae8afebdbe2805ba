namespace K7.Contacts;

/// <summary>The orders of the Contacts dock's list.</summary>
public enum ContactSort
{
    /// <summary>By last name, then first name (the portal's "Name ▲" default).</summary>
    LastName = 0,

    /// <summary>By first name, then last name.</summary>
    FirstName = 1,

    /// <summary>By extension, lowest to highest numerically; contacts without an extension last, by name.</summary>
    Extension = 2,

    /// <summary>Online first (available, then available for chat, then busy, then offline), then by last name.</summary>
    Online = 3,
}
