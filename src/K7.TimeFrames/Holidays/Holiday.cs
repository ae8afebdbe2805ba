using NodaTime;

namespace K7.TimeFrames;

/// <summary>One holiday of a country (or region) in one year, on its actual date.</summary>
/// <param name="Id">
/// The lower-kebab id of the holiday ("independence-day", "neujahrstag"), the same every year, used to pick the
/// holiday once and have it recur yearly. Unique within one (country, region, year) list.
/// </param>
/// <param name="Name">The holiday's name as the data source gives it, usually in the local language.</param>
/// <param name="Date">The actual date of the holiday, before any observed-holiday rule moves it.</param>
/// <remarks>
/// <see cref="Date"/> is the date the data source reports as the holiday. A few sources already report the
/// substitute weekday for some countries (see <see cref="PublicHolidayCalendar"/>).
/// </remarks>
public sealed record Holiday(string Id, string Name, LocalDate Date);
