namespace K7.Sip.Devices;

/// <summary>How <see cref="MacAddress.ToString(MacAddressFormat)"/> writes an address.</summary>
public enum MacAddressFormat
{
    /// <summary>Colon-separated upper-case pairs: <c>00:1A:2B:3C:4D:5E</c> (the default).</summary>
    Colon,

    /// <summary>Hyphen-separated upper-case pairs: <c>00-1A-2B-3C-4D-5E</c>.</summary>
    Hyphen,

    /// <summary>Dot-separated lower-case groups of four (Cisco): <c>001a.2b3c.4d5e</c>.</summary>
    Dotted,

    /// <summary>Twelve lower-case digits, as provisioning file names use them: <c>001a2b3c4d5e</c>.</summary>
    Bare,
}
