namespace K7.Routing;

/// <summary>What a call can be sent to.</summary>
public enum DestinationKind
{
    /// <summary>Another user of the domain ("User - 207"), routed by that user's own answering rules.</summary>
    User,

    /// <summary>One device (phone) by name, such as <c>202wp</c> or <c>202</c> (the user's main device).</summary>
    Device,

    /// <summary>Every registered device of a user, including devices added later.</summary>
    UserDevices,

    /// <summary>A number outside the system (off-net), in E.164 form.</summary>
    ExternalNumber,

    /// <summary>A voicemail box, by its user.</summary>
    Voicemail,

    /// <summary>A conference bridge.</summary>
    Conference,

    /// <summary>Any other destination the host understands (an auto attendant, a queue, a SIP URI).</summary>
    Other,
}
