namespace K7.Sip.Devices;

/// <summary>A phone of a user, as listed on the portal's Phones page.</summary>
/// <remarks>
/// <para>A device is named after its owner's extension plus a suffix: <c>202</c> (empty suffix), <c>202wp</c>,
/// <c>202m</c>. The name is the SIP user name the phone registers as (the user part of its address of record).
/// The suffix is fixed once the device exists; the other fields can change through the <c>With…</c> methods.</para>
/// <para>Rules: the extension is 1–20 ASCII digits; the suffix is empty or 1–<see cref="MaxSuffixLength"/> ASCII
/// letters and digits starting with a letter (so that <c>202</c> + <c>1</c> cannot pose as extension
/// <c>2021</c>); the model is 1–100 characters; the preferred server, when set, is a host name or IP address; the
/// line number, when set, is 1–<see cref="MaxLineNumber"/>; the description is at most 200 characters.</para>
/// <para>Instances are immutable; the constructor validates every field and throws
/// <see cref="DeviceValidationException"/> naming the first bad one.</para>
/// </remarks>
public sealed class Device
{
    /// <summary>The longest suffix.</summary>
    public const int MaxSuffixLength = 10;

    /// <summary>The highest line number.</summary>
    public const int MaxLineNumber = 64;

    private const int MaxExtensionLength = 20;
    private const int MaxModelLength = 100;
    private const int MaxDescriptionLength = 200;

    /// <summary>Initializes a new instance of the <see cref="Device"/> class.</summary>
    /// <param name="extension">The owner's extension (<c>202</c>).</param>
    /// <param name="suffix">The suffix (<c>wp</c>), or empty for the main device.</param>
    /// <param name="model">The model (<c>Polycom VVX 411</c>).</param>
    /// <param name="preferredServer">The host the phone should use, or <see langword="null"/>.</param>
    /// <param name="macAddress">The phone's MAC address, or <see langword="null"/> (soft phones).</param>
    /// <param name="lineNumber">The line key the extension sits on, or <see langword="null"/>.</param>
    /// <param name="description">A free-text note, or <see langword="null"/>.</param>
    /// <exception cref="DeviceValidationException">A field breaks a rule.</exception>
    public Device(
        string extension,
        string suffix,
        string model,
        string? preferredServer = null,
        MacAddress? macAddress = null,
        int? lineNumber = null,
        string? description = null)
    {
        ValidateExtension(extension);
        ValidateSuffix(suffix);
        ValidateModel(model);
        ValidatePreferredServer(preferredServer);
        ValidateLineNumber(lineNumber);
        ValidateDescription(description);
        Extension = extension;
        Suffix = suffix;
        Name = string.Concat(extension, suffix);
        Model = model;
        PreferredServer = preferredServer;
        MacAddress = macAddress;
        LineNumber = lineNumber;
        Description = description;
    }

    /// <summary>Gets the owner's extension.</summary>
    public string Extension { get; }

    /// <summary>Gets the suffix (empty for the main device).</summary>
    public string Suffix { get; }

    /// <summary>Gets the device name: extension plus suffix, the SIP user name the phone registers as.</summary>
    public string Name { get; }

    /// <summary>Gets the model.</summary>
    public string Model { get; }

    /// <summary>Gets the host the phone should use, or <see langword="null"/>.</summary>
    public string? PreferredServer { get; }

    /// <summary>Gets the MAC address, or <see langword="null"/>.</summary>
    public MacAddress? MacAddress { get; }

    /// <summary>Gets the line number, or <see langword="null"/>.</summary>
    public int? LineNumber { get; }

    /// <summary>Gets the description, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Returns a copy with another model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The changed device.</returns>
    /// <exception cref="DeviceValidationException">The model breaks a rule.</exception>
    public Device WithModel(string model) => new(Extension, Suffix, model, PreferredServer, MacAddress, LineNumber, Description);

    /// <summary>Returns a copy with another preferred server.</summary>
    /// <param name="preferredServer">The host, or <see langword="null"/>.</param>
    /// <returns>The changed device.</returns>
    /// <exception cref="DeviceValidationException">The host breaks a rule.</exception>
    public Device WithPreferredServer(string? preferredServer) => new(Extension, Suffix, Model, preferredServer, MacAddress, LineNumber, Description);

    /// <summary>Returns a copy with another MAC address.</summary>
    /// <param name="macAddress">The address, or <see langword="null"/>.</param>
    /// <returns>The changed device.</returns>
    public Device WithMacAddress(MacAddress? macAddress) => new(Extension, Suffix, Model, PreferredServer, macAddress, LineNumber, Description);

    /// <summary>Returns a copy with another line number.</summary>
    /// <param name="lineNumber">The line number, or <see langword="null"/>.</param>
    /// <returns>The changed device.</returns>
    /// <exception cref="DeviceValidationException">The line number is out of range.</exception>
    public Device WithLineNumber(int? lineNumber) => new(Extension, Suffix, Model, PreferredServer, MacAddress, lineNumber, Description);

    /// <summary>Returns a copy with another description.</summary>
    /// <param name="description">The description, or <see langword="null"/>.</param>
    /// <returns>The changed device.</returns>
    /// <exception cref="DeviceValidationException">The description is too long.</exception>
    public Device WithDescription(string? description) => new(Extension, Suffix, Model, PreferredServer, MacAddress, LineNumber, description);

    /// <summary>Gets whether every field equals <paramref name="other"/>'s.</summary>
    /// <param name="other">The other device.</param>
    /// <returns><see langword="true"/> when all fields are equal (ordinal).</returns>
    public bool HasSameValues(Device? other) =>
        other is not null && Extension == other.Extension && Suffix == other.Suffix && Model == other.Model &&
        PreferredServer == other.PreferredServer && MacAddress == other.MacAddress && LineNumber == other.LineNumber &&
        Description == other.Description;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Model})";

    private static void ValidateExtension(string extension)
    {
        if (string.IsNullOrEmpty(extension))
        {
            throw Fail(nameof(Extension), "An extension is required.");
        }

        if (extension.Length > MaxExtensionLength || extension.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw Fail(nameof(Extension), $"'{extension}' is not an extension: use 1 to {MaxExtensionLength} digits.");
        }
    }

    private static void ValidateSuffix(string suffix)
    {
        if (suffix is null)
        {
            throw Fail(nameof(Suffix), "The suffix cannot be null; use an empty suffix for the main device.");
        }

        if (suffix.Length == 0)
        {
            return;
        }

        if (suffix.Length > MaxSuffixLength)
        {
            throw Fail(nameof(Suffix), $"'{suffix}' is too long: a suffix has at most {MaxSuffixLength} characters.");
        }

        if (!char.IsAsciiLetter(suffix[0]))
        {
            throw Fail(nameof(Suffix), $"'{suffix}' must start with a letter.");
        }

        foreach (var c in suffix)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw Fail(nameof(Suffix), $"'{suffix}' may contain only letters and digits.");
            }
        }
    }

    private static void ValidateModel(string model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw Fail(nameof(Model), "A model is required.");
        }

        if (model.Length > MaxModelLength || model.AsSpan().ContainsAnyInRange('\0', '\x1F'))
        {
            throw Fail(nameof(Model), $"The model must be at most {MaxModelLength} characters without control characters.");
        }
    }

    private static void ValidatePreferredServer(string? server)
    {
        if (server is null)
        {
            return;
        }

        if (server.Length > 253 || Uri.CheckHostName(server) == UriHostNameType.Unknown)
        {
            throw Fail(nameof(PreferredServer), $"'{server}' is not a host name or IP address.");
        }
    }

    private static void ValidateLineNumber(int? lineNumber)
    {
        if (lineNumber is < 1 or > MaxLineNumber)
        {
            throw Fail(nameof(LineNumber), $"{lineNumber} is not a line number: use 1 to {MaxLineNumber}.");
        }
    }

    private static void ValidateDescription(string? description)
    {
        if (description is not null && description.Length > MaxDescriptionLength)
        {
            throw Fail(nameof(Description), $"The description must be at most {MaxDescriptionLength} characters.");
        }
    }

    private static DeviceValidationException Fail(string field, string reason) => new(field, reason, null);
}
