using K7.SampleHost.Domain;
using K7.Sip.Authentication;

namespace K7.SampleHost.Telephony;

/// <summary>The SIP digest credentials of the phones: each phone (<c>202</c>, <c>202wp</c>) has its own SIP password, kept with its user.</summary>
internal sealed class PortalCredentialStore(UserDirectory users) : ICredentialStore
{
    public ValueTask<SipCredential?> FindAsync(string username, string realm, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(users.FindSipPassword(username) is { } found ? SipCredential.FromPassword(found.Password) : null);
}
