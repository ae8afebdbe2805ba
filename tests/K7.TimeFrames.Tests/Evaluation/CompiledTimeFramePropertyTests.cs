using FsCheck.Xunit;
using K7.TimeFrames.Tests.Reference;
using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>The compiled evaluator against the plain reference evaluator, and its queries against each other.</summary>
public sealed class CompiledTimeFramePropertyTests
{
    private static readonly Duration OneSecond = Duration.FromSeconds(1);

    /// <summary>The default search horizon (10 years of 366 days), a little less to stay clear of its edge.</summary>
    private static readonly Duration Horizon = Duration.FromDays(365 * 10);

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Generators) })]
    public void IsActive_RandomFrameAndInstant_MatchesReference(FrameAt x)
    {
        var sut = CreateSut(x.Frame);

        foreach (var t in new[] { x.Instant, x.Instant - OneSecond, x.Instant + OneSecond })
        {
            var expected = Reference(x.Frame, t);
            Assert.True(expected == sut.IsActive(t), $"At {Generators.Describe(x.Frame.Zone, t)}: reference {expected}, compiled {!expected}.");
        }
    }

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(Generators) })]
    public void GetActiveIntervals_WindowAroundInstant_AgreesWithIsActive(FrameWindow x)
    {
        var sut = CreateSut(x.Frame);

        var intervals = sut.GetActiveIntervals(x.Start, x.End);

        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            Assert.True(interval.Start < interval.End, $"Empty interval {interval}.");
            Assert.True(interval.Start >= x.Start && interval.End <= x.End, $"{interval} is outside the window.");
            if (i > 0)
            {
                Assert.True(intervals[i - 1].End < interval.Start, $"{intervals[i - 1]} and {interval} are not sorted, disjoint and apart.");
            }
        }

        var inside = intervals.Any(i => i.Contains(x.Instant));
        Assert.True(sut.IsActive(x.Instant) == inside, $"IsActive({x.Instant}) is {!inside} but the intervals {Show(intervals)} say {inside}.");

        foreach (var interval in intervals.Take(8))
        {
            Assert.True(sut.IsActive(interval.Start) && Reference(x.Frame, interval.Start), $"Not active at the start of {interval}.");
            Assert.True(sut.IsActive(interval.End - OneSecond) && Reference(x.Frame, interval.End - OneSecond), $"Not active at the end of {interval}.");
            if (interval.Start > x.Start)
            {
                Assert.False(sut.IsActive(interval.Start - OneSecond) || Reference(x.Frame, interval.Start - OneSecond), $"Active just before {interval}.");
            }

            if (interval.End < x.End)
            {
                Assert.False(sut.IsActive(interval.End) || Reference(x.Frame, interval.End), $"Active just after {interval}.");
            }
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void GetNextActive_RandomInstant_IsTheFirstActiveInstant(FrameAt x)
    {
        var sut = CreateSut(x.Frame);
        var t = x.Instant;

        var next = sut.GetNextActive(t);

        if (next is not { } n)
        {
            Assert.False(sut.IsActive(t));
            Assert.Empty(sut.GetActiveIntervals(t, t + Horizon));
            AssertReferenceInactive(x.Frame, t, t + Horizon);
            return;
        }

        Assert.True(n >= t, $"Next active {n} is before {t}.");
        Assert.True(sut.IsActive(n), $"Not active at the next active instant {n}.");
        Assert.True(Reference(x.Frame, n), $"The reference is not active at the next active instant {Generators.Describe(x.Frame.Zone, n)}.");
        if (n > t)
        {
            var between = sut.GetActiveIntervals(t, n);
            Assert.True(between.Count == 0, $"Active in [{t}, {n}): {Show(between)}.");
            Assert.False(Reference(x.Frame, n - OneSecond), $"The reference is active just before {Generators.Describe(x.Frame.Zone, n)}.");
            AssertReferenceInactive(x.Frame, t, n);
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void GetNextStart_RandomInstant_IsTheNextActivation(FrameAt x)
    {
        var sut = CreateSut(x.Frame);
        var t = x.Instant;

        var next = sut.GetNextStart(t);

        if (next is not { } n)
        {
            var later = sut.GetActiveIntervals(t, t + Horizon).Where(i => i.Start > t).ToList();
            Assert.True(later.Count == 0, $"No next start, but intervals start at {Show(later)}.");
            return;
        }

        Assert.True(n > t, $"Next start {n} is not after {t}.");
        Assert.True(sut.IsActive(n), $"Not active at the next start {n}.");
        Assert.False(sut.IsActive(n - OneSecond), $"Already active just before the next start {n}.");
        Assert.True(Reference(x.Frame, n), $"The reference is not active at the next start {Generators.Describe(x.Frame.Zone, n)}.");
        Assert.False(Reference(x.Frame, n - OneSecond), $"The reference is active just before the next start {Generators.Describe(x.Frame.Zone, n)}.");
        var earlier = sut.GetActiveIntervals(t, n).Where(i => i.Start > t).ToList();
        Assert.True(earlier.Count == 0, $"Intervals start before the next start {n}: {Show(earlier)}.");
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void IsActive_CustomFrame_IsTheUnionOfItsChildren(CustomFrameAt x)
    {
        var sut = CreateSut(x.Frame);
        var children = ((CustomDefinition)x.Frame.Definition).Children
            .Select(c => TestCompiler.Compile(new TimeFrame("Child", x.Frame.Owner, x.Frame.Zone, c)))
            .ToList();

        Assert.Equal(children.Any(c => c.IsActive(x.Instant)), sut.IsActive(x.Instant));

        var start = x.Instant - Duration.FromDays(1);
        var end = x.Instant + Duration.FromDays(2);
        var union = TestCompiler.Merge(children.SelectMany(c => c.GetActiveIntervals(start, end)));
        Assert.Equal(Show(union), Show(sut.GetActiveIntervals(start, end)));
    }

    private static CompiledTimeFrame CreateSut(TimeFrame frame) => TestCompiler.Compile(frame);

    private static bool Reference(TimeFrame frame, Instant t) => ReferenceEvaluator.IsActive(frame, t, TestCompiler.Calendar);

    /// <summary>The reference is inactive at [from, to)'s start and at 24 instants spread over it.</summary>
    private static void AssertReferenceInactive(TimeFrame frame, Instant from, Instant to)
    {
        var step = (to - from) / 24;
        for (var i = 0; i < 24; i++)
        {
            var t = from + (step * i);
            Assert.False(Reference(frame, t), $"The reference is active at {Generators.Describe(frame.Zone, t)}, in [{from}, {to}).");
        }
    }

    private static string Show(IEnumerable<Interval> intervals) => string.Join(", ", intervals.Select(i => $"[{i.Start}, {i.End})"));
}
