using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using PublicHoliday;

namespace K7.TimeFrames;

/// <summary>The countries and regions of the PublicHoliday package exposed by <see cref="PublicHolidayCalendar"/>.</summary>
internal static class PublicHolidaySources
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    private static readonly PublicHolidayCountrySource[] All = Build();

    public static readonly IReadOnlyList<HolidayCountry> Countries = Array.AsReadOnly(All.Select(c => c.Country).ToArray());

    private static readonly FrozenDictionary<string, PublicHolidayCountrySource> ByCode =
        All.ToFrozenDictionary(c => c.Country.Code, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string code, [NotNullWhen(true)] out PublicHolidayCountrySource? source) =>
        ByCode.TryGetValue(code, out source);

    private static PublicHolidayCountrySource[] Build()
    {
        PublicHolidayCountrySource[] countries =
        [
            Plain(PublicHolidayCountryCode.At, "AT", "Austria"),
            Country(PublicHolidayCountryCode.Au, "AU", "Australia", Australia()),
            Plain(PublicHolidayCountryCode.Be, "BE", "Belgium"),
            Plain(PublicHolidayCountryCode.Br, "BR", "Brazil"),
            Country(PublicHolidayCountryCode.Ca, "CA", "Canada", Canada()),
            Country(PublicHolidayCountryCode.Ch, "CH", "Switzerland", Switzerland()),
            Plain(PublicHolidayCountryCode.Cz, "CZ", "Czechia"),
            Country(PublicHolidayCountryCode.De, "DE", "Germany", Germany()),
            Plain(PublicHolidayCountryCode.Dk, "DK", "Denmark"),
            Plain(PublicHolidayCountryCode.Ee, "EE", "Estonia"),
            Plain(PublicHolidayCountryCode.Es, "ES", "Spain"),
            Plain(PublicHolidayCountryCode.Fi, "FI", "Finland"),
            Country(PublicHolidayCountryCode.Fr, "FR", "France", France()),
            Country(PublicHolidayCountryCode.Gb, "GB", "United Kingdom", UnitedKingdom()),
            Plain(PublicHolidayCountryCode.Gr, "GR", "Greece"),
            Plain(PublicHolidayCountryCode.Hr, "HR", "Croatia"),
            Plain(PublicHolidayCountryCode.Hu, "HU", "Hungary"),
            Plain(PublicHolidayCountryCode.Ie, "IE", "Ireland"),
            Plain(PublicHolidayCountryCode.It, "IT", "Italy"),
            Plain(PublicHolidayCountryCode.Jp, "JP", "Japan"),
            Plain(PublicHolidayCountryCode.Kz, "KZ", "Kazakhstan"),
            Plain(PublicHolidayCountryCode.Lt, "LT", "Lithuania"),
            Plain(PublicHolidayCountryCode.Lu, "LU", "Luxembourg"),
            Plain(PublicHolidayCountryCode.Lv, "LV", "Latvia"),
            Plain(PublicHolidayCountryCode.Mx, "MX", "Mexico"),
            Plain(PublicHolidayCountryCode.Nl, "NL", "Netherlands"),
            Plain(PublicHolidayCountryCode.No, "NO", "Norway"),
            Country(PublicHolidayCountryCode.Nz, "NZ", "New Zealand", NewZealand()),
            Plain(PublicHolidayCountryCode.Pl, "PL", "Poland"),
            Country(PublicHolidayCountryCode.Pt, "PT", "Portugal", Portugal()),
            Plain(PublicHolidayCountryCode.Ro, "RO", "Romania"),
            new("RS", "Serbia", Factory(PublicHolidayCountryCode.Rs), datesFromNames: true),
            Plain(PublicHolidayCountryCode.Se, "SE", "Sweden"),
            Plain(PublicHolidayCountryCode.Si, "SI", "Slovenia"),
            Plain(PublicHolidayCountryCode.Sk, "SK", "Slovakia"),

            // The Islamic holidays come from a table of Hijri years 1318–1500: Gregorian 1901 to 2076.
            new("TR", "Türkiye", Factory(PublicHolidayCountryCode.Tr), firstYear: 1901, lastYear: 2076),
            Plain(PublicHolidayCountryCode.Us, "US", "United States"),
            Plain(PublicHolidayCountryCode.Za, "ZA", "South Africa"),
        ];
        Array.Sort(countries, (a, b) => string.CompareOrdinal(a.Country.Code, b.Country.Code));
        return countries;
    }

    private static Func<IPublicHolidays> Factory(PublicHolidayCountryCode code) =>
        () => PublicHolidayFactory.GetPublicHolidayForCountry(code);

    private static PublicHolidayCountrySource Plain(PublicHolidayCountryCode code, string iso, string name) =>
        new(iso, name, Factory(code));

    private static PublicHolidayCountrySource Country(
        PublicHolidayCountryCode code, string iso, string name, IEnumerable<PublicHolidayRegionSource> regions) =>
        new(iso, name, Factory(code), regions);

    private static PublicHolidayRegionSource Region(string code, string name, Func<IPublicHolidays> create, string? label = null) =>
        new(new HolidayRegion(code, name), create, label);

    private static IEnumerable<PublicHolidayRegionSource> Australia()
    {
        (AustraliaPublicHoliday.States State, string Name)[] states =
        [
            (AustraliaPublicHoliday.States.ACT, "Australian Capital Territory"),
            (AustraliaPublicHoliday.States.NSW, "New South Wales"),
            (AustraliaPublicHoliday.States.NT, "Northern Territory"),
            (AustraliaPublicHoliday.States.QLD, "Queensland"),
            (AustraliaPublicHoliday.States.SA, "South Australia"),
            (AustraliaPublicHoliday.States.TAS, "Tasmania"),
            (AustraliaPublicHoliday.States.VIC, "Victoria"),
            (AustraliaPublicHoliday.States.WA, "Western Australia"),
        ];
        return states.Select(s => Region($"AU-{s.State}", s.Name, () => new AustraliaPublicHoliday { State = s.State }));
    }

    private static IEnumerable<PublicHolidayRegionSource> Canada()
    {
        (string Code, string Name)[] provinces =
        [
            ("AB", "Alberta"),
            ("BC", "British Columbia"),
            ("MB", "Manitoba"),
            ("NB", "New Brunswick"),
            ("NL", "Newfoundland and Labrador"),
            ("NS", "Nova Scotia"),
            ("NT", "Northwest Territories"),
            ("NU", "Nunavut"),
            ("ON", "Ontario"),
            ("PE", "Prince Edward Island"),
            ("QC", "Quebec"),
            ("SK", "Saskatchewan"),
            ("YT", "Yukon"),
        ];
        return provinces.Select(p => Region($"CA-{p.Code}", p.Name, () => new CanadaPublicHoliday(p.Code)));
    }

    private static IEnumerable<PublicHolidayRegionSource> Switzerland()
    {
        // Label: the canton's name as the provider writes it in Holiday.Regions.
        (SwitzerlandPublicHoliday.Cantons Canton, string Name, string Label)[] cantons =
        [
            (SwitzerlandPublicHoliday.Cantons.AG, "Aargau", "Aargau"),
            (SwitzerlandPublicHoliday.Cantons.AI, "Appenzell Innerrhoden", "Appenzell Innerrhoden"),
            (SwitzerlandPublicHoliday.Cantons.AR, "Appenzell Ausserrhoden", "Appenzell Ausserrhoden"),
            (SwitzerlandPublicHoliday.Cantons.BE, "Bern", "Bern"),
            (SwitzerlandPublicHoliday.Cantons.BL, "Basel-Landschaft", "Basel-Landschaft"),
            (SwitzerlandPublicHoliday.Cantons.BS, "Basel-Stadt", "Basel-Stadt"),
            (SwitzerlandPublicHoliday.Cantons.FR, "Fribourg", "Fribourg"),
            (SwitzerlandPublicHoliday.Cantons.GE, "Geneva", "Geneva"),
            (SwitzerlandPublicHoliday.Cantons.GL, "Glarus", "Glarus"),
            (SwitzerlandPublicHoliday.Cantons.GR, "Graubünden", "Grisons"),
            (SwitzerlandPublicHoliday.Cantons.JU, "Jura", "Jura"),
            (SwitzerlandPublicHoliday.Cantons.LU, "Lucerne", "Lucerne"),
            (SwitzerlandPublicHoliday.Cantons.NE, "Neuchâtel", "Neuchâtel"),
            (SwitzerlandPublicHoliday.Cantons.NW, "Nidwalden", "Nidwalden"),
            (SwitzerlandPublicHoliday.Cantons.OW, "Obwalden", "Obwalden"),
            (SwitzerlandPublicHoliday.Cantons.SG, "St. Gallen", "St. Gallen"),
            (SwitzerlandPublicHoliday.Cantons.SH, "Schaffhausen", "Schaffhausen"),
            (SwitzerlandPublicHoliday.Cantons.SO, "Solothurn", "Solothurn"),
            (SwitzerlandPublicHoliday.Cantons.SZ, "Schwyz", "Schwyz"),
            (SwitzerlandPublicHoliday.Cantons.TG, "Thurgau", "Thurgau"),
            (SwitzerlandPublicHoliday.Cantons.TI, "Ticino", "Ticino"),
            (SwitzerlandPublicHoliday.Cantons.UR, "Uri", "Uri"),
            (SwitzerlandPublicHoliday.Cantons.VD, "Vaud", "Vaud"),
            (SwitzerlandPublicHoliday.Cantons.VS, "Valais", "Valais"),
            (SwitzerlandPublicHoliday.Cantons.ZG, "Zug", "Zug"),
            (SwitzerlandPublicHoliday.Cantons.ZH, "Zurich", "Zürich"),
        ];

        // With a canton set, the canton decides every optional holiday and the constructor's flags are not used.
        return cantons.Select(c => Region(
            $"CH-{c.Canton}",
            c.Name,
            () => new SwitzerlandPublicHoliday(hasSecondJanuary: false, hasLaborDay: false, hasCorpusChristi: false) { Canton = c.Canton },
            c.Label));
    }

    private static IEnumerable<PublicHolidayRegionSource> Germany()
    {
        (GermanPublicHoliday.States State, string Name)[] states =
        [
            (GermanPublicHoliday.States.BB, "Brandenburg"),
            (GermanPublicHoliday.States.BE, "Berlin"),
            (GermanPublicHoliday.States.BW, "Baden-Württemberg"),
            (GermanPublicHoliday.States.BY, "Bavaria"),
            (GermanPublicHoliday.States.HB, "Bremen"),
            (GermanPublicHoliday.States.HE, "Hesse"),
            (GermanPublicHoliday.States.HH, "Hamburg"),
            (GermanPublicHoliday.States.MV, "Mecklenburg-Vorpommern"),
            (GermanPublicHoliday.States.NI, "Lower Saxony"),
            (GermanPublicHoliday.States.NW, "North Rhine-Westphalia"),
            (GermanPublicHoliday.States.RP, "Rhineland-Palatinate"),
            (GermanPublicHoliday.States.SH, "Schleswig-Holstein"),
            (GermanPublicHoliday.States.SL, "Saarland"),
            (GermanPublicHoliday.States.SN, "Saxony"),
            (GermanPublicHoliday.States.ST, "Saxony-Anhalt"),
            (GermanPublicHoliday.States.TH, "Thuringia"),
        ];
        return states.Select(s => Region($"DE-{s.State}", s.Name, () => new GermanPublicHoliday { State = s.State }));
    }

    private static IEnumerable<PublicHolidayRegionSource> France()
    {
        // ISO 3166-2:FR has no single code for Alsace-Moselle: the provider's region is offered under the codes of
        // the European Collectivity of Alsace (Bas-Rhin and Haut-Rhin) and of the Moselle department.
        (string Code, string Name, FrancePublicHoliday.Regions Region)[] regions =
        [
            ("FR-57", "Moselle", FrancePublicHoliday.Regions.AlsaceMoselle),
            ("FR-6AE", "Alsace", FrancePublicHoliday.Regions.AlsaceMoselle),
            ("FR-971", "Guadeloupe", FrancePublicHoliday.Regions.Guadeloupe),
            ("FR-972", "Martinique", FrancePublicHoliday.Regions.Martinique),
            ("FR-973", "French Guiana", FrancePublicHoliday.Regions.Guyane),
            ("FR-974", "Réunion", FrancePublicHoliday.Regions.Reunion),
            ("FR-976", "Mayotte", FrancePublicHoliday.Regions.Mayotte),
            ("FR-BL", "Saint Barthélemy", FrancePublicHoliday.Regions.SaintBarthelemy),
            ("FR-MF", "Saint Martin", FrancePublicHoliday.Regions.SaintMartin),
            ("FR-NC", "New Caledonia", FrancePublicHoliday.Regions.NouvelleCaledonie),
            ("FR-PF", "French Polynesia", FrancePublicHoliday.Regions.PolynesieFrancaise),
            ("FR-WF", "Wallis and Futuna", FrancePublicHoliday.Regions.WallisEtFutuna),
        ];
        return regions.Select(r => Region(r.Code, r.Name, () => new FrancePublicHoliday { Region = r.Region }));
    }

    private static IEnumerable<PublicHolidayRegionSource> UnitedKingdom()
    {
        // The provider's default (the nationwide list) is England and Wales.
        (string Code, string Name, UKBankHoliday.UkCountries Country)[] countries =
        [
            ("GB-ENG", "England", UKBankHoliday.UkCountries.England),
            ("GB-NIR", "Northern Ireland", UKBankHoliday.UkCountries.NorthernIreland),
            ("GB-SCT", "Scotland", UKBankHoliday.UkCountries.Scotland),
            ("GB-WLS", "Wales", UKBankHoliday.UkCountries.Wales),
        ];
        return countries.Select(c => Region(c.Code, c.Name, () => new UKBankHoliday(c.Country)));
    }

    private static IEnumerable<PublicHolidayRegionSource> NewZealand()
    {
        // The provider's regions are the provincial districts whose Anniversary Day is a public holiday. Codes are
        // the ISO 3166-2:NZ codes of the matching regions; South Canterbury, which has none, is NZ-SCA.
        (string Code, string Name, NewZealandPublicHoliday.ProvincialDistricts District)[] districts =
        [
            ("NZ-AUK", "Auckland", NewZealandPublicHoliday.ProvincialDistricts.AUCKLAND),
            ("NZ-CAN", "Canterbury", NewZealandPublicHoliday.ProvincialDistricts.CANTERBURY),
            ("NZ-CIT", "Chatham Islands", NewZealandPublicHoliday.ProvincialDistricts.CHATHAM_ISLANDS),
            ("NZ-HKB", "Hawke's Bay", NewZealandPublicHoliday.ProvincialDistricts.HAWKES_BAY),
            ("NZ-MBH", "Marlborough", NewZealandPublicHoliday.ProvincialDistricts.MARLBOROUGH),
            ("NZ-NSN", "Nelson", NewZealandPublicHoliday.ProvincialDistricts.NELSON),
            ("NZ-NTL", "Northland", NewZealandPublicHoliday.ProvincialDistricts.NORTHLAND),
            ("NZ-OTA", "Otago", NewZealandPublicHoliday.ProvincialDistricts.OTAGO),
            ("NZ-SCA", "South Canterbury", NewZealandPublicHoliday.ProvincialDistricts.SOUTH_CANTERBURY),
            ("NZ-STL", "Southland", NewZealandPublicHoliday.ProvincialDistricts.SOUTHLAND),
            ("NZ-TKI", "Taranaki", NewZealandPublicHoliday.ProvincialDistricts.TARANAKI),
            ("NZ-WGN", "Wellington", NewZealandPublicHoliday.ProvincialDistricts.WELLINGTON),
            ("NZ-WTC", "Westland", NewZealandPublicHoliday.ProvincialDistricts.WESTLAND),
        ];
        return districts.Select(d => Region(d.Code, d.Name, () => new NewZealandPublicHoliday { ProvincialDistrict = d.District }));
    }

    private static PublicHolidayRegionSource[] Portugal()
    {
        // Label: the provider lists both regions' days in every configuration, flagged as not public.
        PublicHolidayRegionSource[] regions =
        [
            Region("PT-20", "Azores", () => new PortugalPublicHoliday { Region = PortugalPublicHoliday.Regions.Acores }, "Açores"),
            Region("PT-30", "Madeira", () => new PortugalPublicHoliday { Region = PortugalPublicHoliday.Regions.Madeira }, "Madeira"),
        ];
        return regions;
    }
}
