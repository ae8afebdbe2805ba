using NodaTime;

namespace K7.TimeFrames.Tests.Holidays;

public sealed class PublicHolidayCalendarTests
{
    [Fact]
    public void GetHolidays_UnitedStates2025_ContainsJuneteenthAndIndependenceDay()
    {
        var holidays = CreateSut().GetHolidays("US", null, 2025);

        Assert.Contains(holidays, h => h.Id == "juneteenth" && h.Date == new LocalDate(2025, 6, 19));
        Assert.Contains(holidays, h => h.Id == "independence-day" && h.Date == new LocalDate(2025, 7, 4));
    }

    [Theory]
    [InlineData("new-year", 1, 1)]
    [InlineData("independence-day", 7, 4)]
    [InlineData("christmas", 12, 25)]
    public void GetHolidays_FixedDateUnitedStatesHolidays_KeepTheirIdEveryYear(string id, int month, int day)
    {
        var sut = CreateSut();

        for (var year = 2000; year <= 2040; year++)
        {
            Assert.Contains(sut.GetHolidays("US", null, year), h => h.Id == id && h.Date == new LocalDate(year, month, day));
        }
    }

    [Fact]
    public void GetHolidays_Juneteenth_AbsentIn2020AndPresentFrom2021()
    {
        var sut = CreateSut();

        Assert.DoesNotContain(sut.GetHolidays("US", null, 2020), h => h.Id == "juneteenth");
        Assert.Contains(sut.GetHolidays("US", null, 2021), h => h.Id == "juneteenth" && h.Date == new LocalDate(2021, 6, 19));
    }

    [Fact]
    public void GetHolidays_NewYear2022OnSaturday_HasItsActualDate()
    {
        var holidays = CreateSut().GetHolidays("US", null, 2022);

        var newYear = Assert.Single(holidays, h => h.Id == "new-year");
        Assert.Equal(new LocalDate(2022, 1, 1), newYear.Date);
        Assert.DoesNotContain(holidays, h => h.Date.Year != 2022);
    }

    [Fact]
    public void GetHolidays_UnitedStatesNames_AreAvailableUnderInvariantGlobalization()
    {
        var holidays = CreateSut().GetHolidays("US", null, 2025);

        Assert.Equal("Juneteenth", Assert.Single(holidays, h => h.Id == "juneteenth").Name);
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Name)));
    }

    [Fact]
    public void GetHolidays_UnitedKingdom2022_ReportsTheSubstituteDayOfTheProvider()
    {
        var holidays = CreateSut().GetHolidays("GB", null, 2022);

        Assert.Equal(new LocalDate(2022, 1, 3), Assert.Single(holidays, h => h.Id == "new-year").Date);
    }

    [Fact]
    public void GetHolidays_Bavaria_AddsEpiphanyAndCorpusChristi()
    {
        var sut = CreateSut();

        var nationwide = sut.GetHolidays("DE", null, 2025);
        var bavaria = sut.GetHolidays("DE", "DE-BY", 2025);

        Assert.Contains(nationwide, h => h.Id == "neujahrstag" && h.Date == new LocalDate(2025, 1, 1));
        Assert.DoesNotContain(nationwide, h => h.Id is "heilige-drei-konige" or "fronleichnam");
        Assert.Contains(bavaria, h => h.Id == "heilige-drei-konige" && h.Date == new LocalDate(2025, 1, 6));
        Assert.Contains(bavaria, h => h.Id == "fronleichnam" && h.Date == new LocalDate(2025, 6, 19));
        Assert.All(nationwide, h => Assert.Contains(h, bavaria));
    }

    [Theory]
    [InlineData("de", "de-by")]
    [InlineData("DE", "BY")]
    [InlineData("De", "by")]
    public void GetHolidays_CodesInAnyCaseOrShortRegion_ReturnTheSameList(string country, string region)
    {
        var sut = CreateSut();

        Assert.Same(sut.GetHolidays("DE", "DE-BY", 2025), sut.GetHolidays(country, region, 2025));
    }

    [Fact]
    public void GetHolidays_EmptyRegion_IsNationwide()
    {
        var sut = CreateSut();

        Assert.Same(sut.GetHolidays("DE", null, 2025), sut.GetHolidays("DE", string.Empty, 2025));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("PO")]
    [InlineData("")]
    [InlineData("USA")]
    public void GetHolidays_UnknownCountry_ThrowsForCountryCode(string country)
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateSut().GetHolidays(country, null, 2025));

        Assert.Equal("countryCode", exception.ParamName);
    }

    [Fact]
    public void GetHolidays_NullCountry_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => CreateSut().GetHolidays(null!, null, 2025));

        Assert.Equal("countryCode", exception.ParamName);
    }

    [Theory]
    [InlineData("DE", "DE-XX")]
    [InlineData("US", "DE-BY")]
    [InlineData("GB", "GB")]
    public void GetHolidays_UnknownRegion_ThrowsForRegionCode(string country, string region)
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateSut().GetHolidays(country, region, 2025));

        Assert.Equal("regionCode", exception.ParamName);
    }

    [Theory]
    [InlineData("US", 1899)]
    [InlineData("US", 2201)]
    [InlineData("TR", 2077)]
    [InlineData("TR", 1900)]
    public void GetHolidays_YearOutsideTheCountryCoverage_ThrowsArgumentOutOfRange(string country, int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().GetHolidays(country, null, year));

        Assert.Equal("year", exception.ParamName);
    }

    [Theory]
    [InlineData("US", 1900)]
    [InlineData("US", 2200)]
    [InlineData("TR", 1901)]
    [InlineData("TR", 2076)]
    public void GetHolidays_EdgeYearsOfTheCoverage_ReturnHolidays(string country, int year)
    {
        Assert.NotEmpty(CreateSut().GetHolidays(country, null, year));
    }

    [Fact]
    public void GetHolidays_RepeatedCall_ReturnsTheCachedInstance()
    {
        var sut = CreateSut();

        var first = sut.GetHolidays("US", null, 2025);
        var second = sut.GetHolidays("US", null, 2025);

        Assert.Same(first, second);
    }

    [Fact]
    public void GetHolidays_ConcurrentCalls_ReturnOneInstance()
    {
        var sut = CreateSut();
        var results = new IReadOnlyList<Holiday>[64];

        Parallel.For(0, results.Length, i => results[i] = sut.GetHolidays("CH", "CH-ZH", 2031));

        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void GetHolidays_ManyListsComputedConcurrently_EqualTheListsComputedOneByOne()
    {
        var keys = (
            from country in new[] { "US", "DE", "FR", "GB", "CA", "CH", "RO", "TR", "DK", "NZ" }
            from year in Enumerable.Range(2020, 10)
            select (country, year)).ToArray();
        var concurrent = CreateSut();
        var results = new IReadOnlyList<Holiday>[keys.Length];

        Parallel.For(0, keys.Length, i => results[i] = concurrent.GetHolidays(keys[i].country, null, keys[i].year));

        var sequential = CreateSut();
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(sequential.GetHolidays(keys[i].country, null, keys[i].year), results[i]);
        }
    }

    [Fact]
    public void GetHolidays_ReturnedList_CannotBeModified()
    {
        var holidays = CreateSut().GetHolidays("US", null, 2025);

        Assert.False(holidays is Holiday[] or List<Holiday>);
        var collection = Assert.IsAssignableFrom<ICollection<Holiday>>(holidays);
        Assert.True(collection.IsReadOnly);
    }

    [Theory]
    [InlineData("US", null, 2025)]
    [InlineData("RO", null, 2022)]
    [InlineData("KZ", null, 2022)]
    [InlineData("CA", "CA-ON", 2022)]
    [InlineData("TR", null, 2007)]
    [InlineData("DE", "DE-BY", 2008)]
    public void GetHolidays_AnyList_IsSortedByDateThenIdWithUniqueLowerKebabIds(string country, string? region, int year)
    {
        var holidays = CreateSut().GetHolidays(country, region, year);

        Assert.NotEmpty(holidays);
        Assert.Equal(holidays.Count, holidays.Select(h => h.Id).Distinct().Count());
        Assert.All(holidays, h => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", h.Id));
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        for (var i = 1; i < holidays.Count; i++)
        {
            var (previous, current) = (holidays[i - 1], holidays[i]);
            Assert.True(
                previous.Date < current.Date || (previous.Date == current.Date && string.CompareOrdinal(previous.Id, current.Id) < 0),
                $"{previous} should come before {current}");
        }
    }

    [Fact]
    public void GetHolidays_SameNameTwiceInAYear_SuffixesTheLaterOne()
    {
        var holidays = CreateSut().GetHolidays("RO", null, 2022);

        Assert.Equal(new LocalDate(2022, 1, 1), Assert.Single(holidays, h => h.Id == "anul-nou").Date);
        Assert.Equal(new LocalDate(2022, 1, 2), Assert.Single(holidays, h => h.Id == "anul-nou-2").Date);
    }

    [Fact]
    public void GetHolidays_Serbia_UsesOrthodoxEaster()
    {
        var holidays = CreateSut().GetHolidays("RS", null, 2022);

        Assert.Contains(holidays, h => h.Id == "veliki-petak" && h.Date == new LocalDate(2022, 4, 22));
        Assert.Contains(holidays, h => h.Id == "vaskrsni-ponedeljak" && h.Date == new LocalDate(2022, 4, 25));
        Assert.Equal("Велики петак", Assert.Single(holidays, h => h.Id == "veliki-petak").Name);
    }

    [Fact]
    public void GetHolidays_MergedEntryOfTwoHolidaysOnOneDay_IsSplit()
    {
        var holidays = CreateSut().GetHolidays("DK", null, 2022);

        Assert.Contains(holidays, h => h.Id == "grundlovsdag" && h.Date == new LocalDate(2022, 6, 5));
        Assert.Contains(holidays, h => h.Id == "pinsedag" && h.Date == new LocalDate(2022, 6, 5));
    }

    [Fact]
    public void GetHolidays_CoincidingHolidaysWhoseNameListFails_KeepBothNames()
    {
        // In 2008 Ascension Day is May 1: the provider's names list throws for that year.
        var holidays = CreateSut().GetHolidays("DE", null, 2008);

        Assert.Contains(holidays, h => h.Id == "tag-der-arbeit" && h.Date == new LocalDate(2008, 5, 1));
        Assert.Contains(holidays, h => h.Id == "christi-himmelfahrt" && h.Date == new LocalDate(2008, 5, 1));
    }

    [Fact]
    public void GetHolidays_RegionYearTheProviderCannotCompute_IsRebuilt()
    {
        // In 2031 Martinique's abolition day is Ascension Day; the provider throws for that configuration.
        var holidays = CreateSut().GetHolidays("FR", "FR-972", 2031);

        Assert.Contains(holidays, h => h.Id == "ascension" && h.Date == new LocalDate(2031, 5, 22));
        Assert.Contains(holidays, h => h.Id == "abolition-de-lesclavage-en-martinique" && h.Date == new LocalDate(2031, 5, 22));
        Assert.Contains(holidays, h => h.Id == "christmas" && h.Date == new LocalDate(2031, 12, 25));
    }

    [Fact]
    public void GetHolidays_PortugalRegionalDays_OnlyInTheirRegion()
    {
        var sut = CreateSut();

        Assert.DoesNotContain(sut.GetHolidays("PT", null, 2025), h => h.Id is "dia-da-madeira" or "dia-dos-acores");
        Assert.Contains(sut.GetHolidays("PT", "PT-30", 2025), h => h.Id == "dia-da-madeira" && h.Date == new LocalDate(2025, 7, 1));
        Assert.DoesNotContain(sut.GetHolidays("PT", "PT-30", 2025), h => h.Id == "dia-dos-acores");
        Assert.Contains(sut.GetHolidays("PT", "PT-20", 2025), h => h.Id == "dia-dos-acores");
    }

    [Fact]
    public void GetHolidays_SwissCanton_AddsCantonalHolidays()
    {
        var sut = CreateSut();

        Assert.DoesNotContain(sut.GetHolidays("CH", null, 2025), h => h.Id == "berchtold");
        Assert.Contains(sut.GetHolidays("CH", "CH-ZH", 2025), h => h.Id == "berchtold" && h.Date == new LocalDate(2025, 1, 2));
    }

    [Fact]
    public void GetHolidays_FestivalCrossingNewYear_IsReturnedInTheYearOfItsDates()
    {
        var sut = CreateSut();

        var holidays2007 = sut.GetHolidays("TR", null, 2007);

        Assert.Contains(holidays2007, h => h.Date == new LocalDate(2007, 1, 1) && h.Id == "kurban-bayrami-2-gun-2");
        Assert.Contains(holidays2007, h => h.Date == new LocalDate(2007, 12, 21) && h.Id == "kurban-bayrami-2-gun");
        Assert.DoesNotContain(sut.GetHolidays("TR", null, 2006), h => h.Date.Year != 2006);
    }

    [Fact]
    public void Countries_AreSortedByCodeWithRegionsSortedByCode()
    {
        var countries = CreateSut().Countries;

        Assert.Equal(38, countries.Count);
        Assert.Equal(countries.Select(c => c.Code).Order(StringComparer.Ordinal), countries.Select(c => c.Code));
        Assert.All(countries, c => Assert.Equal(c.Regions.Select(r => r.Code).Order(StringComparer.Ordinal), c.Regions.Select(r => r.Code)));
        Assert.All(countries, c => Assert.All(c.Regions, r => Assert.StartsWith(c.Code + "-", r.Code, StringComparison.Ordinal)));
        Assert.Single(countries, c => c.Code == "PL");
        Assert.DoesNotContain(countries, c => c.Code == "PO");
    }

    [Theory]
    [InlineData("DE", "DE-BY", "Bavaria")]
    [InlineData("AU", "AU-NSW", "New South Wales")]
    [InlineData("GB", "GB-SCT", "Scotland")]
    [InlineData("CH", "CH-ZH", "Zurich")]
    [InlineData("CA", "CA-QC", "Quebec")]
    [InlineData("FR", "FR-57", "Moselle")]
    [InlineData("PT", "PT-30", "Madeira")]
    [InlineData("NZ", "NZ-AUK", "Auckland")]
    public void TryGetCountry_KnownRegion_IsListed(string country, string region, string name)
    {
        Assert.True(CreateSut().TryGetCountry(country, out var found));

        Assert.True(found.TryGetRegion(region, out var match));
        Assert.Equal(name, match.Name);
        Assert.True(found.TryGetRegion(region.ToLowerInvariant(), out _));
        Assert.True(found.TryGetRegion(region[(country.Length + 1)..], out _));
    }

    [Fact]
    public void TryGetCountry_AnyCase_FindsTheCountry()
    {
        var sut = CreateSut();

        Assert.True(sut.TryGetCountry("us", out var country));
        Assert.Equal("US", country.Code);
        Assert.Equal("United States", country.Name);
        Assert.Empty(country.Regions);
        Assert.False(sut.TryGetCountry("XX", out _));
        Assert.False(sut.TryGetCountry(null!, out _));
    }

    [Fact]
    public void HolidayCountry_WithEqualRegionLists_AreEqual()
    {
        var a = new HolidayCountry("DE", "Germany", [new HolidayRegion("DE-BY", "Bavaria")]);
        var b = new HolidayCountry("DE", "Germany", new List<HolidayRegion> { new("DE-BY", "Bavaria") });

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { LastYear = 2100 });
        Assert.NotEqual(a, new HolidayCountry("DE", "Germany", []));
    }

    [Fact]
    public void TryGetCountry_Turkey_DocumentsItsYears()
    {
        Assert.True(CreateSut().TryGetCountry("TR", out var turkey));

        Assert.Equal((1901, 2076), (turkey.FirstYear, turkey.LastYear));
    }

    [Fact]
    public void TryGetRegion_AllRegionsOfAllCountries_HaveAList()
    {
        var sut = CreateSut();

        foreach (var country in sut.Countries)
        {
            foreach (var region in country.Regions)
            {
                Assert.NotEmpty(sut.GetHolidays(country.Code, region.Code, 2025));
            }
        }
    }

    [Fact]
    public void Search_UpperCaseText_FindsJuneteenth()
    {
        var found = CreateSut().Search("US", null, 2025, "JUNE");

        Assert.Equal("juneteenth", Assert.Single(found).Id);
    }

    [Fact]
    public void Search_TextWithoutAccent_FindsNoel()
    {
        var found = CreateSut().Search("FR", null, 2025, "noel");

        var christmas = Assert.Single(found);
        Assert.Equal("Noël", christmas.Name);
        Assert.Equal(new LocalDate(2025, 12, 25), christmas.Date);
    }

    [Fact]
    public void Search_AccentedText_FindsUnaccentedAndAccentedNames()
    {
        Assert.Contains(CreateSut().Search("DE", "DE-BY", 2025, "MARIÄ"), h => h.Id == "maria-himmelfahrt");
        Assert.Contains(CreateSut().Search("DE", "DE-BY", 2025, "maria himmel"), h => h.Id == "maria-himmelfahrt");
    }

    [Fact]
    public void Search_ById_FindsTheHoliday()
    {
        Assert.Contains(CreateSut().Search("US", null, 2025, "independence-day"), h => h.Id == "independence-day");
    }

    [Fact]
    public void Search_EmptyText_ReturnsAllHolidays()
    {
        var sut = CreateSut();

        Assert.Equal(sut.GetHolidays("US", null, 2025), sut.Search("US", null, 2025, string.Empty));
        Assert.Equal(sut.GetHolidays("US", null, 2025), sut.Search("US", null, 2025, "  "));
    }

    [Fact]
    public void Search_NoMatch_ReturnsEmpty()
    {
        Assert.Empty(CreateSut().Search("US", null, 2025, "diwali"));
    }

    [Fact]
    public void TryFindHoliday_KnownId_ReturnsTheHolidayOfThatYear()
    {
        Assert.True(CreateSut().TryFindHoliday("US", null, "Thanksgiving", 2025, out var holiday));

        Assert.Equal(new LocalDate(2025, 11, 27), holiday.Date);
    }

    [Fact]
    public void TryFindHoliday_IdAbsentThatYear_ReturnsFalse()
    {
        Assert.False(CreateSut().TryFindHoliday("US", null, "juneteenth", 2020, out var holiday));

        Assert.Null(holiday);
    }

    [Theory]
    [InlineData(2000, 2020, false)]
    [InlineData(2000, 2021, true)]
    [InlineData(2030, 2030, true)]
    public void IsKnownHoliday_Juneteenth_DependsOnTheYears(int from, int to, bool expected)
    {
        Assert.Equal(expected, CreateSut().IsKnownHoliday("US", null, "juneteenth", from, to));
    }

    [Fact]
    public void IsKnownHoliday_RangeBeyondTheCountryCoverage_ChecksTheCoveredYears()
    {
        var sut = CreateSut();

        Assert.True(sut.IsKnownHoliday("TR", null, "cumhuriyet-bayrami", 2070, 2200));
        Assert.False(sut.IsKnownHoliday("TR", null, "cumhuriyet-bayrami", 2100, 2200));
    }

    [Fact]
    public void IsKnownHoliday_ReversedRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().IsKnownHoliday("US", null, "juneteenth", 2025, 2024));
    }

    [Fact]
    public void IsKnownHoliday_UnknownRegion_ThrowsForRegionCode()
    {
        var exception = Assert.Throws<ArgumentException>(() => CreateSut().IsKnownHoliday("DE", "DE-XX", "neujahrstag", 2025, 2025));

        Assert.Equal("regionCode", exception.ParamName);
    }

    private static PublicHolidayCalendar CreateSut() => new();
}
