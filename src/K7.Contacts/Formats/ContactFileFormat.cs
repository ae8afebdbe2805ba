namespace K7.Contacts.Formats;

/// <summary>The contact file formats read and written.</summary>
public enum ContactFileFormat
{
    /// <summary>Our own CSV template (the "Download Template" file), which carries every field.</summary>
    K7Csv = 0,

    /// <summary>Outlook's CSV ("First Name", "Business Phone", "Primary Phone", ...).</summary>
    OutlookCsv = 1,

    /// <summary>Google Contacts' CSV ("Phone 1 - Label/Value", and the legacy "Given Name"/"Phone 1 - Type" columns).</summary>
    GoogleCsv = 2,

    /// <summary>vCard 3.0 or 4.0 (Apple Contacts, iCloud, Android), several cards per file.</summary>
    VCard = 3,
}
