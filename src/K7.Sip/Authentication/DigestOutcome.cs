namespace K7.Sip.Authentication;

/// <summary>The result of verifying a request's credentials, and the answer a registrar or proxy gives.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Outcome</term><description>Answer (401 for a registrar, 407 for a proxy)</description></listheader>
/// <item><term><see cref="Success"/></term><description>Process the request.</description></item>
/// <item><term><see cref="Missing"/>, <see cref="WrongRealm"/>, <see cref="UnsupportedAlgorithm"/>, <see cref="UnsupportedQop"/>, <see cref="InvalidNonce"/></term>
/// <description>401 with <see cref="DigestAuthenticator.CreateChallenges"/>.</description></item>
/// <item><term><see cref="Stale"/></term><description>401 with <c>CreateChallenges(stale: true)</c>; the phone retries without asking its user.</description></item>
/// <item><term><see cref="Malformed"/></term><description>400 Bad Request.</description></item>
/// <item><term><see cref="UnknownUser"/>, <see cref="InvalidResponse"/></term>
/// <description>403 Forbidden (or 401 with a fresh challenge); answer both the same way so the answer does not reveal which user names exist.</description></item>
/// <item><term><see cref="Replay"/></term><description>401 with a fresh challenge (a genuine phone retries; a replayed copy gets nowhere).</description></item>
/// </list>
/// </remarks>
public enum DigestOutcome
{
    /// <summary>The credentials are valid.</summary>
    Success,

    /// <summary>There are no digest credentials (no header, or another scheme such as <c>Basic</c>).</summary>
    Missing,

    /// <summary>The header value is not well formed; see <see cref="DigestVerification.Reason"/> and <see cref="DigestVerification.Position"/>.</summary>
    Malformed,

    /// <summary>The user is not in the credential store (or holds no credential for the realm).</summary>
    UnknownUser,

    /// <summary>The credentials are for another realm.</summary>
    WrongRealm,

    /// <summary>The algorithm is not one this server offers, or the user's stored hashes do not cover it.</summary>
    UnsupportedAlgorithm,

    /// <summary>The response has no <c>qop</c> (RFC 2069) or a qop other than <c>auth</c>; this server requires <c>qop=auth</c>.</summary>
    UnsupportedQop,

    /// <summary>The nonce was not issued by this server, was altered, or the opaque value does not match.</summary>
    InvalidNonce,

    /// <summary>The response is correct but its nonce has expired: challenge again with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>The response does not match the user's password.</summary>
    InvalidResponse,

    /// <summary>The response is correct but its nonce count was already used: the request is a replay.</summary>
    Replay,
}
