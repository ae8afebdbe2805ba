using System.Net;
using NodaTime;

namespace K7.SampleHost;

/// <summary>The host's settings (section <c>K7</c> of the configuration; every one has an embedded default).</summary>
public sealed class SampleHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "K7";

    /// <summary>The data folder; empty for <c>~/.local/share/K7.SampleHost</c> (the platform's local application data).</summary>
    public string DataPath { get; set; } = string.Empty;

    /// <summary>The domain: login names are <c>extension@Domain</c>, and it is the SIP domain and digest realm.</summary>
    public string Domain { get; set; } = "k7.example";

    /// <summary>The domain's time zone (the demo time frames, the voicemail trash purge).</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>The region phone numbers without a country code belong to.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Whether an empty data folder gets the demo domain of the portal guide.</summary>
    public bool SeedDemoDomain { get; set; } = true;

    /// <summary>PBKDF2-HMAC-SHA512 iterations of new password and PIN hashes (OWASP's 210,000 by default).</summary>
    public int PasswordHashIterations { get; set; } = global::K7.SampleHost.Domain.PasswordHashing.DefaultIterations;

    /// <summary>SIP settings.</summary>
    public SampleHostSipOptions Sip { get; set; } = new();

    /// <summary>Checks the settings; returns every problem as "Key: reason".</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Domain) || Uri.CheckHostName(Domain) == UriHostNameType.Unknown)
        {
            problems.Add($"{Section}:Domain: '{Domain}' is not a host name.");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            problems.Add($"{Section}:TimeZone: '{TimeZone}' is not an IANA time zone id.");
        }

        if (!IPAddress.TryParse(Sip.Address, out _))
        {
            problems.Add($"{Section}:Sip:Address: '{Sip.Address}' is not an IP address.");
        }

        if (Sip.UdpPort is < 0 or > 65535)
        {
            problems.Add($"{Section}:Sip:UdpPort: {Sip.UdpPort} is not a port (0 to 65535; 0 picks a free one).");
        }

        if (Sip.TcpPort is < 0 or > 65535)
        {
            problems.Add($"{Section}:Sip:TcpPort: {Sip.TcpPort} is not a port (0 to 65535; 0 picks a free one).");
        }

        if (Sip.RingTimeoutSeconds is < 5 or > 300)
        {
            problems.Add($"{Section}:Sip:RingTimeoutSeconds: {Sip.RingTimeoutSeconds} is outside 5 to 300.");
        }

        if (!string.IsNullOrEmpty(Sip.VoicemailUri) && !Sip.VoicemailUri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{Section}:Sip:VoicemailUri: '{Sip.VoicemailUri}' is not a SIP URI (leave it empty for the host's own voicemail).");
        }

        if (Sip.VoicemailPort is < 0 or > 65535)
        {
            problems.Add($"{Section}:Sip:VoicemailPort: {Sip.VoicemailPort} is not a port (0 to 65535; 0 picks a free one).");
        }

        if (PasswordHashIterations < 1)
        {
            problems.Add($"{Section}:PasswordHashIterations: use at least 1.");
        }

        return problems;
    }
}

/// <summary>The SIP side of the host.</summary>
public sealed class SampleHostSipOptions
{
    /// <summary>The address SIP listens on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The UDP port (0: a free port).</summary>
    public int UdpPort { get; set; } = 5060;

    /// <summary>The TCP port (0: a free port).</summary>
    public int TcpPort { get; set; } = 5060;

    /// <summary>Where calls for voicemail go (<c>{user}</c> is the extension); empty for the host's own voicemail, which records into the user's mailbox.</summary>
    public string VoicemailUri { get; set; } = string.Empty;

    /// <summary>The UDP port of the host's own voicemail (0: a free port).</summary>
    public int VoicemailPort { get; set; } = 5090;

    /// <summary>Whether callers are redirected to <see cref="VoicemailUri"/> (302) instead of the call being proxied there.</summary>
    public bool VoicemailRedirect { get; set; }

    /// <summary>How long phones ring when the user's rules do not say.</summary>
    public int RingTimeoutSeconds { get; set; } = 25;

    /// <summary>How often registered phones are sent OPTIONS (seconds; 0 turns it off).</summary>
    public int QualifySeconds { get; set; } = 60;
}
