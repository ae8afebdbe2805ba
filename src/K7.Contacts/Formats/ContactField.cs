namespace K7.Contacts.Formats;

/// <summary>The fields of a <see cref="Contact"/> that contact files carry.</summary>
public enum ContactField
{
    /// <summary><see cref="Contact.FirstName"/>.</summary>
    FirstName = 0,

    /// <summary><see cref="Contact.LastName"/>.</summary>
    LastName = 1,

    /// <summary><see cref="Contact.Extension"/>.</summary>
    Extension = 2,

    /// <summary><see cref="Contact.WorkNumber"/>.</summary>
    WorkNumber = 3,

    /// <summary><see cref="Contact.MobileNumber"/>.</summary>
    MobileNumber = 4,

    /// <summary><see cref="Contact.HomeNumber"/>.</summary>
    HomeNumber = 5,

    /// <summary><see cref="Contact.FaxNumber"/>.</summary>
    FaxNumber = 6,

    /// <summary><see cref="Contact.Email"/>.</summary>
    Email = 7,

    /// <summary><see cref="Contact.Site"/>.</summary>
    Site = 8,

    /// <summary><see cref="Contact.Department"/>.</summary>
    Department = 9,

    /// <summary><see cref="Contact.Kind"/> (our template's "Type" column).</summary>
    Kind = 10,

    /// <summary>The favourite star.</summary>
    Favorite = 11,
}
