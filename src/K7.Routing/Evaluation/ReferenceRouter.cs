using K7.TimeFrames;
using NodaTime;
using PhoneNumbers;

namespace K7.Routing;

/// <summary>
/// A plain interpreter of answering rules, written as the precedence table reads, with no precomputation: numbers are
/// canonicalized by libphonenumber and the lists scanned one entry at a time. Tests check that compiled rules agree
/// with it; benchmarks measure compiled rules against it.
/// </summary>
internal sealed class ReferenceRouter(AnsweringRuleSet set, Func<string, CompiledTimeFrame?> timeFrames, string defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public RouteDecision Route(IncomingCall call, UserState state, Instant now)
    {
        var caller = Canonical(call.CallerNumber);

        // Row 1: the block list beats everything.
        if (caller is not null && set.BlockList.Entries.Any(e => e.Number.ToString() == caller))
        {
            return DecisionRules.Blocked;
        }

        var allowListed = caller is not null && set.AllowList.Entries.Any(e => e.Number.ToString() == caller);

        // Row 2: anonymous or unknown callers, unless allow-listed.
        if (set.BlockAnonymous && call.IsAnonymous && !allowListed)
        {
            return DecisionRules.Anonymous;
        }

        // Row 3: the first enabled rule whose time frame is active, else Default.
        var rule = set.Rules.FirstOrDefault(r => r.Enabled && timeFrames(r.TimeFrame!)?.IsActive(now) == true) ?? set.Default;

        return DecisionRules.Decide(set, rule, allowListed, state.IsOffline, state.IsOnActiveCall);
    }

    private string? Canonical(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        try
        {
            var parsed = Util.Parse(number, defaultRegion);
            return Util.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
