namespace K7.Routing;

/// <summary>Why a call was routed as it was: for logs and for support ("why did my phone not ring?").</summary>
/// <param name="Decision">The decision, the same as routing without an explanation gives.</param>
/// <param name="Caller">The caller's canonical number, when the caller sent one that is a phone number.</param>
/// <param name="BlockListEntry">The block-list entry that matched, if any.</param>
/// <param name="AllowListEntry">The allow-list entry that matched, if any.</param>
/// <param name="Rule">The rule that applied; <see langword="null"/> when the call was rejected before rules were looked at.</param>
/// <param name="TimeFrame">The name of the active time frame of that rule; <see langword="null"/> for the Default rule.</param>
/// <param name="TimeFrameActive">Whether that time frame was active (always true when set).</param>
/// <param name="Steps">Each step of the decision in words, in order.</param>
public sealed record RouteExplanation(
    RouteDecision Decision,
    PhoneNumberKey? Caller,
    NumberListEntry? BlockListEntry,
    NumberListEntry? AllowListEntry,
    AnsweringRule? Rule,
    string? TimeFrame,
    bool? TimeFrameActive,
    IReadOnlyList<string> Steps)
{
    /// <summary>Returns the steps, one per line.</summary>
    /// <returns>The explanation as text.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Steps);
}
