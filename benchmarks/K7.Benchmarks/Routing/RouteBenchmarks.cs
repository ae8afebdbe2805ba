using BenchmarkDotNet.Attributes;
using K7.Routing;
using K7.TimeFrames;
using NodaTime;

namespace K7.Benchmarks.Routing;

/// <summary>
/// "What happens to this call", per call: compiled answering rules against the plain reference interpreter, for one
/// user with ten rules on Custom time frames, a 1,000-entry block list and a 50-entry allow list.
/// </summary>
/// <remarks>
/// <para>Each invocation routes the 16 <see cref="BenchmarkRules.Calls"/> at each of the 4
/// <see cref="BenchmarkRules.Instants"/> and BenchmarkDotNet divides by <c>OperationsPerInvoke</c>, so Mean and
/// Allocated are per call. Five of the sixteen calls are rejected before the rules (block list, anonymous); the other
/// eleven scan nine or ten time frames.</para>
/// <para><see cref="CanonicalizeOnly"/> and <see cref="RuleScanOnly"/> are the two main parts of <see cref="Compiled"/>,
/// for information, over the same calls and divided by the same count so that they add up: reading every caller's
/// number (<see cref="PhoneNumberCanonicalizer.TryCanonicalize"/>), and finding the rule
/// (<see cref="CompiledAnsweringRules.GetActiveRule"/>) for the eleven calls that reach the rules. What remains of
/// <see cref="Compiled"/> is the two list lookups and picking the precomputed decision.</para>
/// </remarks>
public class RouteBenchmarks
{
    private const int CallCount = 16;
    private const int InstantCount = 4;
    private const int Operations = CallCount * InstantCount;

    private IncomingCall[] _calls = [];
    private UserState[] _states = [];
    private bool[] _reachesRules = [];
    private Instant[] _instants = [];
    private CompiledAnsweringRules _compiled = null!;
    private ReferenceRouter _reference = null!;
    private PhoneNumberCanonicalizer _numbers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var compiler = new TimeFrameCompiler(new PublicHolidayCalendar());
        var frames = BenchmarkRules.Frames().Select(compiler.Compile).ToArray();
        var lookup = BenchmarkRules.Lookup(frames);
        _numbers = new PhoneNumberCanonicalizer(BenchmarkRules.Region);
        var rules = BenchmarkRules.RuleSet(_numbers);
        _compiled = CompiledAnsweringRules.Compile(rules, lookup, _numbers, strict: true);
        _reference = new ReferenceRouter(rules, lookup, BenchmarkRules.Region);
        _calls = BenchmarkRules.Calls();
        _instants = BenchmarkRules.Instants();
        _states = [.. Enumerable.Range(0, _calls.Length).Select(BenchmarkRules.State)];
        if (_calls.Length != CallCount || _instants.Length != InstantCount)
        {
            throw new InvalidOperationException($"Expected {CallCount} calls and {InstantCount} instants, got {_calls.Length} and {_instants.Length}.");
        }

        if (rules.Rules.Length != 10 || rules.BlockList.Count != BenchmarkRules.BlockListSize || rules.AllowList.Count != BenchmarkRules.AllowListSize)
        {
            throw new InvalidOperationException($"Expected 10 rules and lists of {BenchmarkRules.BlockListSize} and {BenchmarkRules.AllowListSize}, got {rules.Rules.Length}, {rules.BlockList.Count} and {rules.AllowList.Count}.");
        }

        Check(frames);
        _reachesRules = [.. _calls.Zip(_states, (call, state) => _compiled.Route(call, state, _instants[0]).Outcome != RouteOutcome.Reject)];
        var reaching = _reachesRules.Count(reaches => reaches);
        if (reaching != CallCount - 5)
        {
            throw new InvalidOperationException($"Expected 5 of the {CallCount} calls rejected before the rules (block list, anonymous), got {CallCount - reaching}.");
        }

        var depths = _instants.Select(now => _compiled.GetActiveRule(now) is { IsDefault: false } rule ? rules.Rules.IndexOf(rule) + 1 : rules.Rules.Length);
        Console.WriteLine($"// {reaching} of the {CallCount} calls reach the rules; the time frames checked per such call at each instant: {string.Join(", ", depths)}.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public int Reference()
    {
        var sum = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                sum += (int)_reference.Route(_calls[i], _states[i], now).Reason;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int Compiled()
    {
        var sum = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                sum += (int)_compiled.Route(_calls[i], _states[i], now).Reason;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int CompiledExplain()
    {
        var sum = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                sum += _compiled.Explain(_calls[i], _states[i], now).Steps.Count;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int CanonicalizeOnly()
    {
        var count = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                if (_calls[i].CallerNumber is { Length: > 0 } number && _numbers.TryCanonicalize(number, out _))
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public int RuleScanOnly()
    {
        var count = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                if (_reachesRules[i])
                {
                    count += _compiled.GetActiveRule(now).IsDefault ? 1 : 0;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Checks that compiled rules, the reference interpreter and <see cref="CompiledAnsweringRules.Explain"/> give the
    /// same decision for every call and instant, in each of the three user states, and that at each instant only the
    /// Office hours frame is active, or none (so the rule scan is as deep as designed).
    /// </summary>
    private void Check(CompiledTimeFrame[] frames)
    {
        var reasons = new Dictionary<RouteReason, int>();
        var checkedCount = 0;
        foreach (var now in _instants)
        {
            for (var i = 0; i < _calls.Length; i++)
            {
                for (var s = 0; s < 3; s++)
                {
                    var state = s == 0 ? _states[i] : BenchmarkRules.State(i + s);
                    var compiled = _compiled.Route(_calls[i], state, now);
                    var reference = _reference.Route(_calls[i], state, now);
                    var explained = _compiled.Explain(_calls[i], state, now).Decision;
                    if (!compiled.Equals(reference) || !compiled.Equals(explained))
                    {
                        throw new InvalidOperationException(
                            $"Call {i} ({_calls[i]}, {state}) at {now.InZone(BenchmarkRules.Zone)}: compiled says {compiled}, reference says {reference}, explanation says {explained}.");
                    }

                    checkedCount++;
                    if (s == 0)
                    {
                        reasons[compiled.Reason] = reasons.GetValueOrDefault(compiled.Reason) + 1;
                    }
                }
            }

            var active = frames.Count(f => f.IsActive(now));
            var rule = _compiled.GetActiveRule(now).TimeFrame ?? "Default";
            if (active > 1 || (rule != BenchmarkRules.OfficeHours && rule != "Default"))
            {
                throw new InvalidOperationException($"At {now.InZone(BenchmarkRules.Zone)}, {active} frames are active and rule '{rule}' applies; expected Office hours alone, or none.");
            }
        }

        var summary = string.Join(", ", reasons.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"));
        Console.WriteLine(
            $"// Compiled, reference and Explain agree on {checkedCount} routes ({_calls.Length} calls x 3 states x {_instants.Length} instants); measured routes by reason: {summary}.");
    }
}
