namespace K7.TimeFrames;

/// <summary>How a specific-dates interval repeats.</summary>
/// <remarks>An occurrence must end before the next one could start: the interval's length may not exceed the shortest
/// period (N days, 7N days, 28N days for monthly, 365N days for yearly).</remarks>
public sealed record DateRecurrence
{
    /// <summary>Initializes a new instance of the <see cref="DateRecurrence"/> class.</summary>
    /// <param name="frequency">The unit of repetition.</param>
    /// <param name="interval">Repeat every this many units, 1–99.</param>
    /// <param name="end">When the repetition ends; default never.</param>
    public DateRecurrence(DateFrequency frequency, int interval = 1, RecurrenceEnd end = default)
    {
        Frequency = frequency;
        Interval = interval;
        End = end;
    }

    /// <summary>Gets the unit of repetition.</summary>
    public DateFrequency Frequency { get; init; }

    /// <summary>Gets how many units lie between repetitions.</summary>
    /// <value>Default: 1. Range 1–99.</value>
    public int Interval { get; init; }

    /// <summary>Gets when the repetition ends.</summary>
    /// <value>Default: <see cref="RecurrenceEnd.Never"/>.</value>
    public RecurrenceEnd End { get; init; }
}
