using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using PublicHoliday;
using ProviderHoliday = PublicHoliday.Holiday;

namespace K7.TimeFrames;

/// <summary>
/// The <see cref="IHolidayCalendar"/> over the PublicHoliday package (MIT): 38 countries, with the states, provinces,
/// cantons and territories that package knows, for the years 1900 to 2200.
/// </summary>
/// <remarks>
/// <para><b>Coverage.</b> AT, AU, BE, BR, CA, CH, CZ, DE, DK, EE, ES, FI, FR, GB, GR, HR, HU, IE, IT, JP, KZ, LT, LU,
/// LV, MX, NL, NO, NZ, PL, PT, RO, RS, SE, SI, SK, TR (1901–2076 only: its Islamic holidays come from a lookup table),
/// US and ZA. Regions: the German states (DE-BY…), the Australian states and territories (AU-NSW…), the Canadian
/// provinces and territories (CA-QC…), the Swiss cantons (CH-ZH…), the UK nations (GB-ENG, GB-WLS, GB-SCT, GB-NIR),
/// the French regions with their own holidays (FR-57 Moselle and FR-6AE Alsace for Alsace-Moselle; the overseas
/// FR-971…FR-976, FR-BL, FR-MF, FR-NC, FR-PF, FR-WF), Madeira (PT-30) and the Azores (PT-20), and the New Zealand
/// provincial districts with an Anniversary Day (ISO 3166-2:NZ codes of the matching regions; South Canterbury,
/// which has none, is NZ-SCA).</para>
/// <para><b>Nationwide.</b> With no region, the list is the package's default configuration: the holidays common to
/// the country (federal ones for Canada, the United States and Germany; the four federal ones for Switzerland), except
/// for the United Kingdom, where it is England and Wales. A region's list is complete on its own: it adds its
/// holidays and, for the UK nations, drops the ones it does not observe.</para>
/// <para><b>Dates.</b> <see cref="Holiday.Date"/> is the holiday's date as the package reports it
/// (<c>HolidayDate</c>, never its <c>ObservedDate</c>), so that <see cref="ObservedHolidayRules"/> can apply the
/// customer's own rules. For most countries that is the actual date (US New Year's Day 2022 is Saturday 2022-01-01).
/// The package already reports the substitute weekday for GB, AU, CA and NZ (GB New Year 2022 comes as Monday
/// 2022-01-03) and moves Sunday holidays to Monday for JP and ZA; observed rules then see a weekday and leave it
/// where it is. Holidays of the previous or next year that the package lists in another year's list (the Turkish
/// Kurban Bayramı crossing New Year) are returned in the year of their date.</para>
/// <para><b>Names and ids.</b> <see cref="Holiday.Name"/> is the package's name, usually in the local language.
/// <see cref="Holiday.Id"/> is a lower-kebab ASCII id derived from the package's localization key when it has one
/// ("IndependenceDay" → "independence-day"), else from the name ("Neujahrstag" → "neujahrstag"; accents are removed
/// and Cyrillic is transliterated). When a name occurs several times in one year (Romania's two New Year days) the
/// later occurrences get "-2", "-3" in date order, so ids are unique within a list; the tail of a festival that the
/// package lists under the previous year (Kurban Bayramı crossing New Year) comes after the year's own days. When
/// two holidays fall on the same day and the package merges them into one entry ("Grundlovsdag, Pinsedag" in
/// Denmark, also Lithuania and Türkiye), the entry is split back into its holidays when both names are known from
/// the neighbouring years. Ids follow the package's names, so a renamed holiday changes id ("queens-birthday" until
/// 2022, then "kings-birthday" in Australia and New Zealand). The United States entries have only a localization
/// key: their names come from the package's English resources, or, where those cannot load (the package fails to
/// load them under invariant globalization), from the key itself ("MartinLutherKing" → "Martin Luther King").</para>
/// <para><b>Data defects handled here.</b> Serbia's dates are taken from the package's names list, because its
/// holiday list uses Western instead of Orthodox Easter. When the package's names list fails for a year (it throws
/// when two holidays share a date, as in Germany in 2008), names come from the nearest year with the same holidays.
/// When the package cannot compute a region in a year (it fails when two holidays of a French overseas region, or
/// of Newfoundland and Labrador, coincide: Martinique in 2031), the list is rebuilt from the nationwide list of that
/// year and the region's lists of the neighbouring years: holidays present in both neighbours are kept on their
/// nationwide date, or on the same day of the same month when both neighbours agree on it; a regional holiday that
/// moves from year to year and is not nationwide is then missing.</para>
/// <para><b>Data defects not handled.</b> When two holidays coincide, some providers keep only one of them (Norway's
/// Ascension Day on Constitution Day in 2007, Italy's Liberation Day on Easter Monday in 2011, Serbia's Easter on
/// Labour Day): the date is still a holiday, but the dropped holiday's id has no date that year. Australian holidays
/// without a fixed rule (AFL Grand Final Day, local show days) are absent.</para>
/// <para><b>Threading and caching.</b> Thread-safe. Each (country, region, year) list is computed once, with fresh
/// provider instances (they are not documented as thread-safe, and the package's own cache is never enabled), and
/// kept for the life of the calendar: later calls return the same immutable instance. The cache holds at most one
/// list per country, region and year asked for; share one calendar per process.</para>
/// </remarks>
public sealed class PublicHolidayCalendar : IHolidayCalendar
{
    private const string FallbackName = "Public holiday";

    // How providers join the names of two holidays falling on the same day.
    private static readonly string[] MergeSeparators = [", ", " ir "];

    private readonly ConcurrentDictionary<CacheKey, IReadOnlyList<Holiday>> _cache = new();

    /// <inheritdoc />
    public IReadOnlyList<HolidayCountry> Countries => PublicHolidaySources.Countries;

    /// <inheritdoc />
    public bool TryGetCountry(string countryCode, [NotNullWhen(true)] out HolidayCountry? country)
    {
        if (countryCode is not null && PublicHolidaySources.TryGet(countryCode, out var source))
        {
            country = source.Country;
            return true;
        }

        country = null;
        return false;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The PublicHoliday package failed to compute the year (not seen for any covered country and year).</exception>
    public IReadOnlyList<Holiday> GetHolidays(string countryCode, string? regionCode, int year)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        if (!PublicHolidaySources.TryGet(countryCode, out var source))
        {
            ThrowUnknownCountry(countryCode);
        }

        PublicHolidayRegionSource? region = null;
        if (!string.IsNullOrEmpty(regionCode) && !source.TryGetRegion(regionCode, out region))
        {
            ThrowUnknownRegion(source.Country, regionCode);
        }

        if (year < source.Country.FirstYear || year > source.Country.LastYear)
        {
            ThrowYearOutOfRange(source.Country, year);
        }

        return GetOrCompute(new CacheKey(source, region, year));
    }

    [DoesNotReturn]
    private static void ThrowUnknownCountry(string countryCode) =>
        throw new ArgumentException($"The holiday calendar has no country '{countryCode}'.", nameof(countryCode));

    [DoesNotReturn]
    private static void ThrowUnknownRegion(HolidayCountry country, string regionCode) =>
        throw new ArgumentException($"The holiday calendar has no region '{regionCode}' in {country.Name}.", nameof(regionCode));

    [DoesNotReturn]
    private static void ThrowYearOutOfRange(HolidayCountry country, int year) =>
        throw new ArgumentOutOfRangeException(
            nameof(year),
            year,
            string.Create(CultureInfo.InvariantCulture, $"The holidays of {country.Name} are available from {country.FirstYear} to {country.LastYear}."));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsProviderFailure(Exception exception) => exception is not OutOfMemoryException;

    private static string? NameOf(ProviderHoliday holiday)
    {
        try
        {
            // Name falls back to a resource lookup that throws for keys without a translation.
            return Clean(holiday.Name);
        }
        catch (Exception ex) when (IsProviderFailure(ex))
        {
            return null;
        }
    }

    private static string? Dequeue(Dictionary<DateTime, Queue<string>> names, DateTime date) =>
        names.TryGetValue(date, out var queue) && queue.TryDequeue(out var name) ? name : null;

    /// <summary>
    /// Reads the package's list for one configuration and year, in the package's order, with names resolved where
    /// possible; <see langword="null"/> when the package fails.
    /// </summary>
    private static RawEntry[]? Read(PublicHolidayCountrySource source, PublicHolidayRegionSource? region, int year, out Exception? failure)
    {
        failure = null;
        if (year is < 1 or > 9998)
        {
            return null;
        }

        IPublicHolidays provider;
        IList<ProviderHoliday> information;
        try
        {
            provider = (region?.Create ?? source.Nationwide)();
            information = source.DatesFromNames ? [] : provider.PublicHolidaysInformation(year);
        }
        catch (Exception ex) when (IsProviderFailure(ex))
        {
            failure = ex;
            return null;
        }

        IDictionary<DateTime, string>? names;
        try
        {
            names = provider.PublicHolidayNames(year);
        }
        catch (Exception ex) when (IsProviderFailure(ex))
        {
            // Several providers build this dictionary with Add and throw when two holidays share a date.
            failure = ex;
            names = null;
        }

        if (source.DatesFromNames)
        {
            return names?
                .OrderBy(pair => pair.Key)
                .Select(pair => new RawEntry(pair.Key.Date, Clean(pair.Value), key: null))
                .ToArray();
        }

        // Names by day, in key order: Canada and others key a second holiday of the same day at 00:00:01, Romania
        // keys its Orthodox holidays at 01:01.
        var namesByDay = new Dictionary<DateTime, Queue<string>>();
        foreach (var pair in names?.OrderBy(pair => pair.Key) ?? Enumerable.Empty<KeyValuePair<DateTime, string>>())
        {
            if (Clean(pair.Value) is not { } name)
            {
                continue;
            }

            if (!namesByDay.TryGetValue(pair.Key.Date, out var queue))
            {
                queue = new Queue<string>();
                namesByDay.Add(pair.Key.Date, queue);
            }

            queue.Enqueue(name);
        }

        var kept = new List<ProviderHoliday>(information.Count);
        foreach (var holiday in information)
        {
            if (holiday is not null
                && (holiday.IsPublic || (region?.Label is { } label && holiday.Regions is { } regions && regions.Contains(label))))
            {
                kept.Add(holiday);
            }
        }

        var entries = new RawEntry[kept.Count];
        var order = Enumerable.Range(0, kept.Count).OrderBy(i => kept[i].HolidayDate).ThenBy(i => i);
        foreach (var i in order)
        {
            var holiday = kept[i];
            var key = Clean(holiday.IdTextLocalization);
            var name = NameOf(holiday)
                ?? Dequeue(namesByDay, holiday.HolidayDate.Date)
                ?? Dequeue(namesByDay, holiday.ObservedDate.Date)
                ?? (key is null ? null : HolidayText.ToWords(key));
            entries[i] = new RawEntry(holiday.HolidayDate.Date, name, key);
        }

        failure = null;
        return entries;
    }

    /// <summary>
    /// Names entries the package left unnamed (its names list failed for the year) from the nearest year whose list
    /// has the same holidays in the same order.
    /// </summary>
    private static void FillMissingNames(
        RawEntry[] entries, PublicHolidayCountrySource source, PublicHolidayRegionSource? region, int year, RawEntry[]? previous, RawEntry[]? next)
    {
        for (var distance = 1; distance <= 3; distance++)
        {
            foreach (var sign in (ReadOnlySpan<int>)[1, -1])
            {
                var neighbourYear = year + (sign * distance);
                var neighbour = distance == 1 ? (sign > 0 ? next : previous) : Read(source, region, neighbourYear, out _);
                if (neighbour is null || neighbour.Length != entries.Length || neighbour.Any(e => e.Name is null))
                {
                    continue;
                }

                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i].Name ??= neighbour[i].Name;
                }

                return;
            }
        }
    }

    private static void Collect(RawEntry[]? raw, int year, bool spill, List<Entry> sink)
    {
        foreach (var entry in raw ?? [])
        {
            if (entry.Date.Year == year)
            {
                sink.Add(new Entry(LocalDate.FromDateTime(entry.Date), entry.Name ?? FallbackName, entry.Key, spill));
            }
        }
    }

    /// <summary>
    /// Splits merged entries ("Grundlovsdag, Pinsedag"; Lithuanian "… ir …") back into their holidays when each part,
    /// but not the whole, is a holiday name of the neighbouring years.
    /// </summary>
    private static void SplitMergedNames(List<Entry> entries, RawEntry[]? previous, RawEntry[]? next)
    {
        if (!entries.Exists(e => Array.Exists(MergeSeparators, separator => e.Name.Contains(separator, StringComparison.Ordinal))))
        {
            return;
        }

        var known = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in (previous ?? []).Concat(next ?? []))
        {
            if (entry.Name is { } name)
            {
                known.TryAdd(name, entry.Key);
            }
        }

        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var entry = entries[i];
            if (known.ContainsKey(entry.Name))
            {
                continue;
            }

            foreach (var separator in MergeSeparators)
            {
                var parts = entry.Name.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length >= 2 && Segment(parts, 0, separator, known) is { Count: >= 2 } names)
                {
                    entries.RemoveAt(i);
                    entries.InsertRange(i, names.Select(name => entry with { Name = name, Key = known[name] }));
                    break;
                }
            }
        }
    }

    /// <summary>Groups <paramref name="parts"/> from <paramref name="start"/> into known names, or returns null.</summary>
    private static List<string>? Segment(string[] parts, int start, string separator, Dictionary<string, string?> known)
    {
        if (start == parts.Length)
        {
            return [];
        }

        for (var end = parts.Length; end > start; end--)
        {
            var name = string.Join(separator, parts, start, end - start);
            if (known.ContainsKey(name) && Segment(parts, end, separator, known) is { } rest)
            {
                rest.Insert(0, name);
                return rest;
            }
        }

        return null;
    }

    /// <summary>Gives every entry its id, removes duplicates and sorts by date then id.</summary>
    private static ImmutableArray<Holiday> Finish(IEnumerable<Entry> entries)
    {
        var seen = new HashSet<(LocalDate, string)>();
        var unique = new List<(Entry Entry, string BaseId)>();
        foreach (var entry in entries)
        {
            var id = (entry.Key is { } key ? HolidayText.ToId(key, splitCamelCase: true) : string.Empty) is { Length: > 0 } fromKey
                ? fromKey
                : HolidayText.ToId(entry.Name, splitCamelCase: false);
            if (id.Length == 0)
            {
                id = "holiday";
            }

            if (seen.Add((entry.Date, id)))
            {
                unique.Add((entry, id));
            }
        }

        // The year's own holidays take the plain ids; a holiday listed in a neighbouring year's list (the tail of a
        // festival crossing New Year) comes after them, so that it keeps the same suffix in both years.
        unique.Sort((a, b) => a.Entry.Spill != b.Entry.Spill
            ? a.Entry.Spill.CompareTo(b.Entry.Spill)
            : a.Entry.Date != b.Entry.Date ? a.Entry.Date.CompareTo(b.Entry.Date) : string.CompareOrdinal(a.BaseId, b.BaseId));
        var used = new HashSet<string>(unique.Select(u => u.BaseId), StringComparer.Ordinal);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var holidays = new List<Holiday>(unique.Count);
        foreach (var (entry, baseId) in unique)
        {
            var id = baseId;
            var count = occurrences[baseId] = occurrences.GetValueOrDefault(baseId) + 1;
            if (count > 1)
            {
                var suffix = count;
                do
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"{baseId}-{suffix++}");
                }
                while (!used.Add(id));
            }

            holidays.Add(new Holiday(id, entry.Name, entry.Date));
        }

        return Sorted(holidays);
    }

    private static ImmutableArray<Holiday> Sorted(List<Holiday> holidays)
    {
        holidays.Sort(static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.Id, b.Id));
        return holidays.ToImmutableArray();
    }

    private IReadOnlyList<Holiday> GetOrCompute(CacheKey key) =>
        _cache.TryGetValue(key, out var cached) ? cached : _cache.GetOrAdd(key, static (k, self) => self.Compute(k), this);

    private ImmutableArray<Holiday> Compute(CacheKey key)
    {
        var (source, region, year) = key;
        var current = Read(source, region, year, out var failure);
        if (current is null)
        {
            return region is null
                ? throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"The PublicHoliday package cannot compute the holidays of {source.Country.Name} in {year}."),
                    failure)
                : Repair(key, failure);
        }

        var previous = Read(source, region, year - 1, out _);
        var next = Read(source, region, year + 1, out _);
        if (Array.Exists(current, e => e.Name is null))
        {
            FillMissingNames(current, source, region, year, previous, next);
        }

        var entries = new List<Entry>(current.Length);
        Collect(current, year, spill: false, entries);
        Collect(previous, year, spill: true, entries);
        Collect(next, year, spill: true, entries);
        SplitMergedNames(entries, previous, next);
        return Finish(entries);
    }

    /// <summary>Rebuilds a region's year that the package fails to compute; see the class remarks.</summary>
    private ImmutableArray<Holiday> Repair(CacheKey key, Exception? failure)
    {
        var (source, region, year) = key;
        var nationwide = GetOrCompute(key with { Region = null });
        var neighbours = new List<IReadOnlyList<Holiday>>(2);
        var nationwideNeighbours = new List<IReadOnlyList<Holiday>>(2);
        foreach (var neighbourYear in (ReadOnlySpan<int>)[year - 1, year + 1])
        {
            if (neighbourYear < source.Country.FirstYear || neighbourYear > source.Country.LastYear)
            {
                continue;
            }

            nationwideNeighbours.Add(GetOrCompute(key with { Region = null, Year = neighbourYear }));

            // Only neighbours the package computes itself, so that repairs never chain.
            if (Read(source, region, neighbourYear, out _) is not null)
            {
                neighbours.Add(GetOrCompute(key with { Year = neighbourYear }));
            }
        }

        if (neighbours.Count == 0)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The PublicHoliday package cannot compute the holidays of {region!.Region.Name} in {year}."),
                failure);
        }

        var holidays = new List<Holiday>();
        foreach (var candidate in neighbours[0])
        {
            var occurrences = neighbours.Select(list => list.FirstOrDefault(h => h.Id == candidate.Id)).ToArray();
            if (Array.Exists(occurrences, h => h is null))
            {
                continue;
            }

            var fromNationwide = nationwide.Where(h => h.Id == candidate.Id).ToArray();
            if (fromNationwide.Length > 0)
            {
                holidays.AddRange(fromNationwide);
                continue;
            }

            var (month, day) = (candidate.Date.Month, candidate.Date.Day);
            if (Array.TrueForAll(occurrences, h => h!.Date.Month == month && h.Date.Day == day)
                && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                holidays.Add(candidate with { Date = new LocalDate(year, month, day) });
            }
        }

        // One-off nationwide holidays (a state funeral) apply to every region.
        foreach (var holiday in nationwide)
        {
            if (!holidays.Exists(h => h.Id == holiday.Id) && !nationwideNeighbours.Exists(list => list.Any(h => h.Id == holiday.Id)))
            {
                holidays.Add(holiday);
            }
        }

        return Sorted(holidays.DistinctBy(h => h.Id).ToList());
    }

    private readonly record struct CacheKey(PublicHolidayCountrySource Source, PublicHolidayRegionSource? Region, int Year);

    private sealed record Entry(LocalDate Date, string Name, string? Key, bool Spill);

    private sealed class RawEntry(DateTime date, string? name, string? key)
    {
        public DateTime Date { get; } = date;

        public string? Name { get; set; } = name;

        public string? Key { get; } = key;
    }
}
