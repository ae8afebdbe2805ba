using FsCheck;
using FsCheck.Fluent;

namespace K7.Sip.Tests.Proxy;

/// <summary>How a device ends its INVITE transaction when nobody cancels it.</summary>
public enum PlannedFinal
{
    Answer,
    Busy,
    Decline,
    NotFound,
    ServerError,
    BusyEverywhere,
    DoesNotExistAnywhere,
    Timeout,
    TransportError,
    Silent,
}

/// <summary>
/// One device: its ring delay, an optional provisional response, its final response and when (both counted from
/// the moment its branch starts), how long it takes to answer a CANCEL with 487, and whether its final response is
/// delivered twice.
/// </summary>
public sealed record BranchPlan(int DelayMs, int? ProvisionalAfterMs, int ProvisionalStatus, PlannedFinal Final, int FinalAfterMs, int CancelReactionMs, bool Retransmit)
{
    public override string ToString() =>
        $"delay {DelayMs} ms, {(ProvisionalAfterMs is { } p ? $"{ProvisionalStatus} at +{p} ms, " : string.Empty)}{Final} at +{FinalAfterMs} ms, 487 {CancelReactionMs} ms after CANCEL{(Retransmit ? ", final twice" : string.Empty)}";
}

/// <summary>A call: the devices, the ring timeout (0 = none) and when the caller hangs up (null = never).</summary>
public sealed record ForkScenario(BranchPlan[] Branches, int RingTimeoutMs, int? CallerCancelAtMs)
{
    public override string ToString() =>
        $"ring timeout {RingTimeoutMs} ms, caller cancel {(CallerCancelAtMs is { } c ? $"at {c} ms" : "never")}{Environment.NewLine}"
        + string.Join(Environment.NewLine, Branches.Select((b, i) => $"  #{i}: {b}"));
}

/// <summary>FsCheck generators of fork scenarios, with timings on a coarse grid so that events often coincide.</summary>
public static class CallForkGenerators
{
    public static Arbitrary<ForkScenario> Scenarios() => Arb.From(ScenarioGen());

    private static Gen<int> TimeMs(int maxSeconds) =>
        Gen.Frequency(
            (3, Gen.Choose(0, maxSeconds * 2).Select(halfSeconds => halfSeconds * 500)),
            (1, Gen.Choose(0, maxSeconds * 1000)));

    private static Gen<ForkScenario> ScenarioGen() =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 2)), (3, Gen.Choose(3, 6)))
        from branches in Gen.ArrayOf(BranchGen(), count)
        from ringTimeout in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(25_000)), (3, Gen.Choose(1, 80).Select(halfSeconds => halfSeconds * 500)))
        from cancel in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, TimeMs(40).Select(t => (int?)t)))
        select new ForkScenario(branches, ringTimeout, cancel);

    private static Gen<BranchPlan> BranchGen() =>
        from delay in Gen.Frequency((3, Gen.Constant(0)), (2, TimeMs(10)), (1, TimeMs(40)))
        from provisional in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, TimeMs(5).Select(t => (int?)t)))
        from provisionalStatus in Gen.Elements(100, 180, 180, 183)
        from final in Gen.Frequency(
            (4, Gen.Constant(PlannedFinal.Answer)),
            (3, Gen.Constant(PlannedFinal.Busy)),
            (2, Gen.Constant(PlannedFinal.Decline)),
            (1, Gen.Constant(PlannedFinal.NotFound)),
            (1, Gen.Constant(PlannedFinal.ServerError)),
            (1, Gen.Constant(PlannedFinal.BusyEverywhere)),
            (1, Gen.Constant(PlannedFinal.DoesNotExistAnywhere)),
            (1, Gen.Constant(PlannedFinal.Timeout)),
            (1, Gen.Constant(PlannedFinal.TransportError)),
            (2, Gen.Constant(PlannedFinal.Silent)))
        from finalAfter in TimeMs(40)
        from cancelReaction in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4).Select(q => q * 250)))
        from retransmit in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new BranchPlan(delay, provisional, provisionalStatus, final, Math.Max(finalAfter, provisional ?? 0), cancelReaction, retransmit);
}
