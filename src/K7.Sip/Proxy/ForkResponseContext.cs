namespace K7.Sip.Proxy;

/// <summary>
/// The "best response" rules of the RFC 3261 §16.7 response context, for the final responses of branches that did
/// not answer.
/// </summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item>A 6xx is chosen over anything else (§16.7 step 6: "It MUST choose from the 6xx class responses if any exist").</item>
/// <item>Otherwise the lowest response class wins: a 3xx over a 4xx, a 4xx over a 5xx.</item>
/// <item>Within the 4xx class, responses that let the caller resubmit the request come first, as §16.7 suggests:
/// 401 and 407 (credentials), then 415, 420 and 484; then 486 (busy, which says the most about the callee); then
/// every other 4xx; and 408 last, because it is also what a branch that timed out produces (§16.8).</item>
/// <item>Within the 5xx class, 503 comes after the other codes, because it is never forwarded as is.</item>
/// <item>Ties go to the lowest status code, so the choice does not depend on the order in which responses arrived.</item>
/// </list>
/// <para>When the chosen response is a 503, the caller gets a 500 instead (§16.7 step 6: a 503 means "this server
/// is unavailable", which is not true of the proxy); <see cref="ToForwarded"/> does the conversion.</para>
/// </remarks>
internal static class ForkResponseContext
{
    /// <summary>Returns whether <paramref name="candidate"/> is a better final response than <paramref name="current"/>.</summary>
    /// <param name="candidate">A final status code, 300–699.</param>
    /// <param name="current">The best status so far, or 0 when there is none.</param>
    /// <returns><see langword="true"/> when <paramref name="candidate"/> should replace <paramref name="current"/>.</returns>
    public static bool IsBetter(int candidate, int current)
    {
        if (current == 0)
        {
            return true;
        }

        int candidateClass = candidate / 100, currentClass = current / 100;
        if (candidateClass != currentClass)
        {
            return candidateClass == 6 || (currentClass != 6 && candidateClass < currentClass);
        }

        int candidateRank = RankInClass(candidate), currentRank = RankInClass(current);
        return candidateRank != currentRank ? candidateRank < currentRank : candidate < current;
    }

    /// <summary>Returns the status forwarded to the caller for a chosen best response: 500 for 503, else the same status.</summary>
    /// <param name="statusCode">The chosen status code.</param>
    /// <returns>The status code to forward.</returns>
    public static int ToForwarded(int statusCode) => statusCode == 503 ? 500 : statusCode;

    private static int RankInClass(int statusCode) => statusCode switch
    {
        401 or 407 => 0,
        415 or 420 or 484 => 1,
        486 => 2,
        408 or 503 => 4,
        _ => 3,
    };
}
