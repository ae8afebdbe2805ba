namespace K7.SampleHost.Domain;

/// <summary>What a signed-in user may see and change.</summary>
public enum PortalRole
{
    /// <summary>A basic user: sees and changes only their own data.</summary>
    User,

    /// <summary>An office manager: also sees every user of the domain and edits the domain's time frames.</summary>
    OfficeManager,
}
