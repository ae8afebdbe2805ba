using NodaTime;

namespace K7.TimeFrames;

/// <summary>One wall-clock interval of a specific-dates time frame ("Dec 23 17:00 – Jan 4 08:00"), optionally recurring.</summary>
/// <param name="Start">The first local date and time (inclusive).</param>
/// <param name="End">The local date and time at which the interval ends (exclusive); after <paramref name="Start"/>.</param>
/// <param name="Recurrence">How the interval repeats, or <see langword="null"/> when it happens once.</param>
public sealed record SpecificDateInterval(LocalDateTime Start, LocalDateTime End, DateRecurrence? Recurrence = null);
