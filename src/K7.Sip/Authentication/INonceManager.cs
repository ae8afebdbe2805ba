namespace K7.Sip.Authentication;

/// <summary>Issues digest nonces and checks the nonces and nonce counts that clients send back.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface INonceManager
{
    /// <summary>Issues a fresh nonce for a challenge.</summary>
    /// <returns>The nonce text, safe to put in a quoted string.</returns>
    string CreateNonce();

    /// <summary>Checks that <paramref name="nonce"/> is authentic and fresh, without recording anything.</summary>
    /// <param name="nonce">The nonce the client sent.</param>
    /// <returns><see cref="NonceStatus.Valid"/>, <see cref="NonceStatus.Stale"/> or <see cref="NonceStatus.Invalid"/>.</returns>
    NonceStatus Validate(ReadOnlySpan<char> nonce);

    /// <summary>Records that <paramref name="nonceCount"/> was used with <paramref name="nonce"/>, after the response was verified.</summary>
    /// <param name="nonce">The nonce the client sent (already validated).</param>
    /// <param name="nonceCount">The client's <c>nc</c> value.</param>
    /// <returns><see cref="NonceStatus.Valid"/> when the count is higher than every count seen with this nonce;
    /// <see cref="NonceStatus.Replay"/> when it is not; <see cref="NonceStatus.Stale"/> or
    /// <see cref="NonceStatus.Invalid"/> when the nonce itself no longer passes.</returns>
    NonceStatus UseNonceCount(ReadOnlySpan<char> nonce, uint nonceCount);
}
