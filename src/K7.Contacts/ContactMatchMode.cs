namespace K7.Contacts;

/// <summary>How <see cref="ContactQuery.Text"/> matches.</summary>
public enum ContactMatchMode
{
    /// <summary>The text appears anywhere in the first name, last name, full name, extension or a number ("ree" finds Ellen Green).</summary>
    Substring = 0,

    /// <summary>The text starts a first name, last name, full name, extension or number ("gre" finds Ellen Green, "ree" does not).</summary>
    Prefix = 1,
}
