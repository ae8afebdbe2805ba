using System.Collections.Immutable;

namespace K7.SampleHost.Domain;

/// <summary>A user of the domain, as the Profile page shows them, with the secrets the host keeps for them.</summary>
public sealed record PortalUser
{
    /// <summary>The extension (digits), which is also the user's id in every package.</summary>
    public required string Extension { get; init; }

    /// <summary>The login name (<c>202@k7.example</c>).</summary>
    public required string Login { get; init; }

    /// <summary>First name.</summary>
    public required string FirstName { get; init; }

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>The IANA time zone id of the user.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The role.</summary>
    public PortalRole Role { get; init; } = PortalRole.User;

    /// <summary>Directory option "Announce in audio directory".</summary>
    public bool AnnounceInDirectory { get; init; } = true;

    /// <summary>Directory option "List in directory".</summary>
    public bool ListInDirectory { get; init; } = true;

    /// <summary>The caller ID shown on outgoing calls (not editable by the user).</summary>
    public string? CallerId { get; init; }

    /// <summary>The e-mail addresses (voicemail notifications go here).</summary>
    public ImmutableArray<string> Emails { get; init; } = [];

    /// <summary>The PBKDF2 hash of the portal password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>The PBKDF2 hash of the voicemail PIN, once one is set.</summary>
    public string? VoicemailPinHash { get; init; }

    /// <summary>Changes whenever the password or multi-factor setting changes; sign-in tokens issued before are refused.</summary>
    public string SecurityStamp { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>The Base32 TOTP secret, once multi-factor sign-in is set up (enabled or waiting for confirmation).</summary>
    public string? TotpSecret { get; init; }

    /// <summary>Whether multi-factor sign-in is on (a code from the authenticator app is needed to sign in).</summary>
    public bool TotpEnabled { get; init; }

    /// <summary>The last TOTP time step accepted, so a code is accepted once.</summary>
    public long TotpLastStep { get; init; }

    /// <summary>The SIP password of each of the user's phones, by device name (<c>202</c>, <c>202wp</c>).</summary>
    public ImmutableSortedDictionary<string, string> SipPasswords { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>"First Last".</summary>
    public string DisplayName => string.Concat(FirstName, " ", LastName).Trim();
}
