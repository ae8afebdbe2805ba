namespace K7.Sip.Authentication;

/// <summary>What an <see cref="INonceManager"/> says about a nonce a client sent back.</summary>
public enum NonceStatus
{
    /// <summary>The nonce was issued by this server (or one sharing its key), is still fresh, and the nonce count is new.</summary>
    Valid,

    /// <summary>The nonce is authentic but too old (or no longer tracked); challenge again with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>The nonce was not issued with this key, or was altered.</summary>
    Invalid,

    /// <summary>The nonce count was already used with this nonce: the request is a replay.</summary>
    Replay,
}
