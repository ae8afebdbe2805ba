namespace K7.Routing;

/// <summary>Where a call is forwarded or rung: a kind and a value (a user id, a device name, an E.164 number...).</summary>
/// <param name="Kind">The kind of destination.</param>
/// <param name="Value">The user id, device name, E.164 number, conference id or host-defined address.</param>
public sealed record Destination(DestinationKind Kind, string Value)
{
    /// <summary>Returns another user of the domain.</summary>
    /// <param name="userId">The user's id, for example "207".</param>
    /// <returns>The destination.</returns>
    public static Destination User(string userId) => new(DestinationKind.User, userId);

    /// <summary>Returns one device by name.</summary>
    /// <param name="deviceName">The device, for example "202wp".</param>
    /// <returns>The destination.</returns>
    public static Destination Device(string deviceName) => new(DestinationKind.Device, deviceName);

    /// <summary>Returns every registered device of a user, including devices added later.</summary>
    /// <param name="userId">The user's id.</param>
    /// <returns>The destination.</returns>
    public static Destination UserDevices(string userId) => new(DestinationKind.UserDevices, userId);

    /// <summary>Returns an off-net number.</summary>
    /// <param name="e164">The number in E.164 form, for example "+15551234567".</param>
    /// <returns>The destination.</returns>
    public static Destination ExternalNumber(string e164) => new(DestinationKind.ExternalNumber, e164);

    /// <summary>Returns a user's voicemail box.</summary>
    /// <param name="userId">The mailbox's user.</param>
    /// <returns>The destination.</returns>
    public static Destination Voicemail(string userId) => new(DestinationKind.Voicemail, userId);

    /// <summary>Returns a conference bridge.</summary>
    /// <param name="conferenceId">The conference's id.</param>
    /// <returns>The destination.</returns>
    public static Destination Conference(string conferenceId) => new(DestinationKind.Conference, conferenceId);

    /// <summary>Returns a host-defined destination.</summary>
    /// <param name="address">The address, meaningful to the host.</param>
    /// <returns>The destination.</returns>
    public static Destination Other(string address) => new(DestinationKind.Other, address);

    /// <summary>Gets a value indicating whether the destination is off-net (answer confirmation applies to it).</summary>
    public bool IsOffNet => Kind == DestinationKind.ExternalNumber;

    /// <summary>Returns the portal's text for the destination, such as "User - 207" or "202wp".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Describe(null);

    /// <summary>Returns the portal's text for the destination, with a user's name when known: "User - 207 (Tim Garcia)".</summary>
    /// <param name="userNames">Looks up a user's display name; may be <see langword="null"/>.</param>
    /// <returns>The text.</returns>
    public string Describe(Func<string, string?>? userNames) => Kind switch
    {
        DestinationKind.User => userNames?.Invoke(Value) is { Length: > 0 } name ? $"User - {Value} ({name})" : $"User - {Value}",
        DestinationKind.Device => Value,
        DestinationKind.UserDevices => $"all phones of {Value}",
        DestinationKind.ExternalNumber => Value,
        DestinationKind.Voicemail => $"Voicemail - {Value}",
        DestinationKind.Conference => $"Conference - {Value}",
        _ => Value,
    };
}
