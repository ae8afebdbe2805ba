namespace K7.Sip.Transactions;

/// <summary>
/// Identifies a transaction (RFC 3261 §17.2.3): the branch of the top Via with the RFC 3261 magic cookie, its sent-by
/// and the method (CANCEL and ACK excepted, which match the INVITE's transaction). Requests from RFC 2543 elements
/// (no magic cookie) are keyed by the fields §17.2.3 lists instead, folded into <see cref="Branch"/>.
/// </summary>
internal readonly record struct TransactionKey(string Branch, string SentBy, string Method)
{
    /// <summary>The RFC 3261 branch prefix.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>Whether a branch value proves RFC 3261 behaviour: the magic cookie followed by at least one character.</summary>
    public static bool IsRfc3261Branch(string? branch) =>
        branch is not null && branch.Length > MagicCookie.Length && branch.StartsWith(MagicCookie, StringComparison.Ordinal);
}
