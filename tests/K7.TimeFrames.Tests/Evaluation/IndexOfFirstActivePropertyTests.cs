using FsCheck.Xunit;
using NodaTime;

namespace K7.TimeFrames.Tests.Evaluation;

public sealed class IndexOfFirstActivePropertyTests
{
    private static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Generators) })]
    public void IndexOfFirstActive_FramesInOneOrSeveralZonesWithGaps_IsTheFirstIndexWhoseFrameIsActive(CustomFrameAt x)
    {
        // The custom frame's children as frames of their own, in the frame's zone, each followed by a gap and by the
        // same child in another zone: the offset must be looked up again whenever the zone changes.
        var frames = new List<CompiledTimeFrame?>();
        foreach (var child in ((CustomDefinition)x.Frame.Definition).Children)
        {
            frames.Add(TestCompiler.Compile(child, x.Frame.Zone));
            frames.Add(null);
            frames.Add(TestCompiler.Compile(child, Kolkata));
        }

        var expected = frames.FindIndex(f => f is not null && f.IsActive(x.Instant));

        Assert.Equal(expected, CompiledTimeFrame.IndexOfFirstActive(frames.ToArray(), x.Instant));
    }

    [Fact]
    public void IndexOfFirstActive_NoFrames_IsMinusOne()
    {
        Assert.Equal(-1, CompiledTimeFrame.IndexOfFirstActive([], Instant.FromUtc(2025, 1, 1, 0, 0)));
        Assert.Equal(-1, CompiledTimeFrame.IndexOfFirstActive([null, null], Instant.FromUtc(2025, 1, 1, 0, 0)));
    }
}
