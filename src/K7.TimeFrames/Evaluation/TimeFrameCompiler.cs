using Microsoft.Extensions.Options;

namespace K7.TimeFrames;

/// <summary>The default <see cref="ITimeFrameCompiler"/>.</summary>
/// <remarks>Thread-safe. Works without dependency injection: <c>new TimeFrameCompiler(new PublicHolidayCalendar())</c>.</remarks>
public sealed class TimeFrameCompiler : ITimeFrameCompiler
{
    private readonly IHolidayCalendar _calendar;
    private readonly TimeFramesOptions _options;

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCompiler"/> class.</summary>
    /// <param name="calendar">Where holidays come from.</param>
    public TimeFrameCompiler(IHolidayCalendar calendar)
        : this(calendar, new TimeFramesOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCompiler"/> class.</summary>
    /// <param name="calendar">Where holidays come from.</param>
    /// <param name="options">Options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TimeFrameCompiler(IHolidayCalendar calendar, TimeFramesOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        TimeFramesOptionsValidator.ThrowIfInvalid(options);
        _calendar = calendar;
        _options = options;
    }

    /// <summary>Initializes a new instance of the <see cref="TimeFrameCompiler"/> class from dependency injection.</summary>
    /// <param name="calendar">Where holidays come from.</param>
    /// <param name="options">Validated options.</param>
    public TimeFrameCompiler(IHolidayCalendar calendar, IOptions<TimeFramesOptions> options)
        : this(calendar, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <inheritdoc/>
    public CompiledTimeFrame Compile(TimeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        TimeFrameValidator.Validate(frame.Definition, nameof(TimeFrame.Definition), _calendar);
        return new CompiledTimeFrame(frame, CompileDefinition(frame.Definition), _options.SearchHorizonYears, _calendar);
    }

    private LocalSchedule CompileDefinition(TimeFrameDefinition definition) => definition switch
    {
        AlwaysDefinition => AlwaysSchedule.Instance,
        DaysOfWeekDefinition days => new DaysOfWeekSchedule(days),
        SpecificDatesDefinition dates => new SpecificDatesSchedule(dates),
        HolidaysDefinition holidays => new HolidaysSchedule(holidays, _calendar),
        CustomDefinition custom => new CustomSchedule([.. custom.Children.Select(CompileDefinition)]),
        _ => throw new ArgumentException($"Unknown definition type {definition.GetType().Name}.", nameof(definition)),
    };
}
