using NodaTime;

namespace K7.TimeFrames;

/// <summary>How a recurrence ends: never, on a date (inclusive), or after a number of occurrences.</summary>
public readonly record struct RecurrenceEnd
{
    private RecurrenceEnd(LocalDate? date, int? count)
    {
        Date = date;
        Count = count;
    }

    /// <summary>Gets a recurrence that never ends. This is the default value.</summary>
    public static RecurrenceEnd Never => default;

    /// <summary>Gets the last date on which an occurrence may start (inclusive), or <see langword="null"/>.</summary>
    public LocalDate? Date { get; }

    /// <summary>Gets the number of occurrences after which the recurrence ends, or <see langword="null"/>.</summary>
    public int? Count { get; }

    /// <summary>Gets a value indicating whether the recurrence never ends.</summary>
    public bool IsNever => Date is null && Count is null;

    /// <summary>Returns an end on <paramref name="date"/>: occurrences that start on or before that date still happen.</summary>
    /// <param name="date">The last date on which an occurrence may start.</param>
    /// <returns>The end.</returns>
    public static RecurrenceEnd On(LocalDate date) => new(date, null);

    /// <summary>Returns an end after <paramref name="count"/> occurrences.</summary>
    /// <param name="count">The number of occurrences, at least 1.</param>
    /// <returns>The end.</returns>
    public static RecurrenceEnd After(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new(null, count);
    }

    internal static RecurrenceEnd Unchecked(LocalDate? date, int? count) => new(date, count);
}
