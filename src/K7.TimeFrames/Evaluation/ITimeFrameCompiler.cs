namespace K7.TimeFrames;

/// <summary>Turns a <see cref="TimeFrame"/> into a <see cref="CompiledTimeFrame"/> that answers "is it active?" in nanoseconds.</summary>
public interface ITimeFrameCompiler
{
    /// <summary>Checks <paramref name="frame"/> against the holiday calendar and compiles it.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The compiled frame; immutable and thread-safe.</returns>
    /// <exception cref="TimeFrameValidationException">A holiday, country or region is unknown to the calendar.</exception>
    CompiledTimeFrame Compile(TimeFrame frame);
}
