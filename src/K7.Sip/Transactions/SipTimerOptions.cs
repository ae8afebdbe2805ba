using NodaTime;

namespace K7.Sip.Transactions;

/// <summary>The RFC 3261 §17 timer base values. Every transaction timer (A to K) is derived from these three.</summary>
/// <remarks>
/// The defaults are the RFC's. Lower <see cref="T1"/> only on networks whose round-trip time is known to be short;
/// never raise <see cref="T2"/> above the RFC value without a reason, as it caps the retransmission interval.
/// </remarks>
public sealed class SipTimerOptions
{
    /// <summary>Gets or sets the round-trip time estimate (T1).</summary>
    /// <value>500 ms.</value>
    public Duration T1 { get; set; } = Duration.FromMilliseconds(500);

    /// <summary>Gets or sets the maximum retransmission interval for non-INVITE requests and INVITE responses (T2).</summary>
    /// <value>4 s.</value>
    public Duration T2 { get; set; } = Duration.FromSeconds(4);

    /// <summary>Gets or sets the maximum time a message can stay in the network (T4).</summary>
    /// <value>5 s.</value>
    public Duration T4 { get; set; } = Duration.FromSeconds(5);

    /// <summary>Gets the transaction timeout, 64 × T1 (timers B, F, H and J on unreliable transports).</summary>
    public Duration TransactionTimeout => T1 * 64;

    internal void Validate()
    {
        if (T1 <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(T1), T1, "T1 must be positive.");
        }

        if (T2 < T1)
        {
            throw new ArgumentOutOfRangeException(nameof(T2), T2, "T2 must not be shorter than T1.");
        }

        if (T4 <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(T4), T4, "T4 must be positive.");
        }
    }
}
