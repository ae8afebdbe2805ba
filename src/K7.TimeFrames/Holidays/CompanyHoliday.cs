using NodaTime;

namespace K7.TimeFrames;

/// <summary>A holiday the company defines itself, for what the holiday calendar lacks (the day after Thanksgiving, a founder's day).</summary>
/// <param name="Id">The lower-kebab id, unique among the company's holidays ("day-after-thanksgiving").</param>
/// <param name="Name">The display name.</param>
/// <param name="Rule">The rule giving the date in each year.</param>
/// <remarks>Values are checked when built and when changed with <c>with</c>. Immutable and thread-safe.</remarks>
public sealed record CompanyHoliday(string Id, string Name, CompanyHolidayRule Rule)
{
    /// <summary>Gets the lower-kebab id: lowercase ASCII letters and digits in words joined by single hyphens.</summary>
    /// <exception cref="ArgumentException">The value is not a lower-kebab id.</exception>
    public string Id
    {
        get;
        init => field = HolidayText.IsId(value) ? value : throw new ArgumentException(NotAnId(value), nameof(Id));
    } = HolidayText.IsId(Id) ? Id : throw new ArgumentException(NotAnId(Id), nameof(Id));

    /// <summary>Gets the display name.</summary>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    public string Name
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException(NoName, nameof(Name)) : value;
    } = string.IsNullOrWhiteSpace(Name) ? throw new ArgumentException(NoName, nameof(Name)) : Name;

    /// <summary>Gets the rule giving the date in each year.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public CompanyHolidayRule Rule
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Rule));
    } = Rule ?? throw new ArgumentNullException(nameof(Rule));

    /// <summary>Returns the holiday's date in <paramref name="year"/>, or <see langword="null"/> when it has none that year.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The date given by <see cref="Rule"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public LocalDate? GetDate(int year) => Rule.GetDate(year);

    /// <summary>Returns the holiday of <paramref name="year"/> as a calendar <see cref="Holiday"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The holiday, or <see langword="null"/> when it has no date that year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public Holiday? GetHoliday(int year) => GetDate(year) is { } date ? new Holiday(Id, Name, date) : null;

    private const string NoName = "A company holiday needs a name.";

    private static string NotAnId(string? id) =>
        $"'{id}' is not a lower-kebab id: use lowercase letters a-z and digits, in words joined by single hyphens.";
}
