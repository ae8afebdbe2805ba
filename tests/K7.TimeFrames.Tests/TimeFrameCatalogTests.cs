using K7.TimeFrames.Sample;
using K7.TimeFrames.Tests.Evaluation;
using NodaTime;

namespace K7.TimeFrames.Tests;

/// <summary>The catalog's naming and permission rules, all-or-nothing changes and events.</summary>
public sealed class TimeFrameCatalogTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly TimeFrameActor User202 = TimeFrameActor.User("202");
    private static readonly TimeFrameActor User203 = TimeFrameActor.User("203");
    private static readonly TimeFrameActor Manager = TimeFrameActor.OfficeManager("200");

    // ---- Names ------------------------------------------------------------------------------------------------

    [Fact]
    public void Add_ByOwner_IsVisibleToOwnerOnly()
    {
        var sut = CreateSut();

        var compiled = sut.Add(User202, Frame("Early Release", "202"));

        Assert.Same(compiled, sut.Find("202", "early release"));
        Assert.Null(sut.Find("203", "Early Release"));
        Assert.Equal(["Early Release"], sut.GetVisible("202").Select(f => f.Frame.Name));
        Assert.Empty(sut.GetVisible("203"));
    }

    [Fact]
    public void Add_DuplicateNameOfSameOwnerInAnotherCase_ThrowsForName()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Early Release", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User202, Frame("EARLY RELEASE", "202")));

        Assert.Equal("Name", e.Field);
        Assert.Single(sut.All);
    }

    [Fact]
    public void Add_UserFrameNamedLikeDomainFrame_ThrowsForName()
    {
        var sut = CreateSut();
        sut.Add(Manager, Frame("Out of Office", null));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User202, Frame("out of office", "202")));

        Assert.Equal("Name", e.Field);
    }

    [Fact]
    public void Add_DomainFrameNamedLikeUsersFrame_ThrowsForName()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Lunch", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(Manager, Frame("LUNCH", null)));

        Assert.Equal("Name", e.Field);
    }

    [Fact]
    public void Add_SameNameForTwoUsers_IsAllowed()
    {
        var sut = CreateSut();

        sut.Add(User202, Frame("Lunch", "202"));
        sut.Add(User203, Frame("Lunch", "203"));

        Assert.Equal(2, sut.All.Count);
        Assert.Equal("203", sut.Find("203", "Lunch")!.Frame.Owner.UserId);
    }

    [Fact]
    public void Add_MoreThanMaxFramesPerOwner_ThrowsForOwner()
    {
        var sut = CreateSut(new TimeFramesOptions { MaxFramesPerOwner = 2 });
        sut.Add(User202, Frame("One", "202"));
        sut.Add(User202, Frame("Two", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User202, Frame("Three", "202")));

        Assert.Equal("Owner", e.Field);
        sut.Add(User203, Frame("Three", "203"));
    }

    // ---- Permissions ------------------------------------------------------------------------------------------

    [Fact]
    public void Add_UserAddsDomainFrame_ThrowsForOwner()
    {
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User202, Frame("Out of Office", null)));

        Assert.Equal("Owner", e.Field);
        Assert.Empty(sut.All);
    }

    [Fact]
    public void Add_UserAddsAnotherUsersFrame_ThrowsForOwner()
    {
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User203, Frame("Lunch", "202")));

        Assert.Equal("Owner", e.Field);
    }

    [Fact]
    public void Update_UserEditsDomainFrame_ThrowsForOwner()
    {
        var sut = CreateSut();
        sut.Add(Manager, PortalExamples.OutOfOffice());

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Update(User202, PortalExamples.OutOfOffice().WithDefinition(AlwaysDefinition.Instance)));

        Assert.Equal("Owner", e.Field);
        Assert.Equal(TimeFrameKind.Holidays, sut.Find("202", "Out of Office")!.Frame.Kind);
    }

    [Fact]
    public void Update_UserEditsAnotherUsersFrame_ThrowsForOwner()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Lunch", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Update(User203, Frame("Lunch", "202", AlwaysDefinition.Instance)));

        Assert.Equal("Owner", e.Field);
    }

    [Fact]
    public void Update_OfficeManagerEditsDomainAndUserFrames_IsAllowed()
    {
        var sut = CreateSut();
        sut.Add(Manager, PortalExamples.OutOfOffice());
        sut.Add(User202, PortalExamples.EarlyRelease());

        sut.Update(Manager, PortalExamples.OutOfOffice().WithDefinition(AlwaysDefinition.Instance));
        sut.Update(Manager, PortalExamples.EarlyRelease().WithZone(DateTimeZone.Utc));

        Assert.Equal(TimeFrameKind.Always, sut.Find("202", "Out of Office")!.Frame.Kind);
        Assert.Equal("UTC", sut.Find("202", "Early Release")!.Frame.Zone.Id);
    }

    [Fact]
    public void Remove_UserRemovesDomainFrame_ThrowsForOwner()
    {
        var sut = CreateSut();
        sut.Add(Manager, PortalExamples.OutOfOffice());

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Remove(User202, TimeFrameOwner.Domain, "Out of Office"));

        Assert.Equal("Owner", e.Field);
        Assert.Single(sut.All);
    }

    [Fact]
    public void Remove_OwnFrame_RemovesItAndMissingOneReturnsFalse()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Lunch", "202"));

        Assert.True(sut.Remove(User202, TimeFrameOwner.User("202"), "LUNCH"));
        Assert.False(sut.Remove(User202, TimeFrameOwner.User("202"), "Lunch"));
        Assert.Empty(sut.All);
    }

    // ---- Renames and failed changes ---------------------------------------------------------------------------

    [Fact]
    public void Update_DifferentName_IsARenameAndThrowsForName()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Lunch", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Update(User202, Frame("Long lunch", "202")));

        Assert.Equal("Name", e.Field);
        Assert.Null(sut.Find("202", "Long lunch"));
    }

    [Fact]
    public void Update_NameInAnotherCase_IsARenameAndThrowsForName()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Lunch", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Update(User202, Frame("LUNCH", "202", AlwaysDefinition.Instance)));

        Assert.Equal("Name", e.Field);
        Assert.Equal("Lunch", sut.Find("202", "lunch")!.Frame.Name);
    }

    [Fact]
    public void Update_UnknownHoliday_ThrowsAndLeavesCatalogUnchanged()
    {
        var sut = CreateSut();
        var original = sut.Add(User202, Frame("Lunch", "202"));
        var events = Record(sut);

        var e = Assert.Throws<TimeFrameValidationException>(() =>
            sut.Update(User202, Frame("Lunch", "202", new HolidaysDefinition(HolidaySelection.FromCalendar("US", "no-such-day")))));

        Assert.Equal("Definition.Holidays[0].HolidayId", e.Field);
        Assert.Same(original, sut.Find("202", "Lunch"));
        Assert.Empty(events);
    }

    // ---- Holidays checked against the calendar ----------------------------------------------------------------

    public static TheoryData<string, TimeFrameDefinition> UnknownHolidays() => new()
    {
        { "Definition.Holidays[0].HolidayId", new HolidaysDefinition(HolidaySelection.FromCalendar("US", "bastille-day")) },
        { "Definition.Holidays[0].Country", new HolidaysDefinition(HolidaySelection.FromCalendar("XX", "christmas")) },
        { "Definition.Holidays[0].Region", new HolidaysDefinition(HolidaySelection.FromCalendar("DE", "neujahrstag", "DE-ZZ")) },
        { "Definition.Holidays[1].HolidayId", new HolidaysDefinition(HolidaySelection.FromCalendar("US", "christmas"), HolidaySelection.FromCalendar("US", "juneteenth") with { OnlyInYear = 2020 }) },
        { "Definition.Children[1].Holidays[0].HolidayId", new CustomDefinition(Lunch(), new HolidaysDefinition(HolidaySelection.FromCalendar("US", "bastille-day"))) },
    };

    [Theory]
    [MemberData(nameof(UnknownHolidays))]
    public void Add_HolidayUnknownToCalendar_ThrowsForField(string field, TimeFrameDefinition definition)
    {
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Add(User202, Frame("Holidays", "202", definition)));

        Assert.Equal(field, e.Field);
        Assert.Empty(sut.All);
    }

    [Fact]
    public void Add_JuneteenthRecurringFrom2021_IsKnown()
    {
        var sut = CreateSut();

        sut.Add(User202, Frame("Juneteenth", "202", new HolidaysDefinition(HolidaySelection.FromCalendar("US", "juneteenth"))));

        Assert.Single(sut.All);
    }

    // ---- Load -------------------------------------------------------------------------------------------------

    [Fact]
    public void Load_ValidFrames_ReplacesEverything()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Old", "202"));

        sut.Load([PortalExamples.EarlyRelease(), PortalExamples.OutOfOffice(), Frame("Lunch", "203")]);

        Assert.Equal(["Out of Office", "Early Release", "Lunch"], sut.All.Select(f => f.Name));
        Assert.Null(sut.Find("202", "Old"));
    }

    [Fact]
    public void Load_OneInvalidFrame_ChangesNothing()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Old", "202"));
        var events = Record(sut);

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load(
        [
            PortalExamples.EarlyRelease(),
            Frame("Bad", "202", new HolidaysDefinition(HolidaySelection.FromCalendar("US", "bastille-day"))),
        ]));

        Assert.Equal("[1].Definition.Holidays[0].HolidayId", e.Field);
        Assert.Equal(["Old"], sut.All.Select(f => f.Name));
        Assert.Empty(events);
    }

    [Fact]
    public void Load_DuplicateName_ThrowsForItsPositionAndChangesNothing()
    {
        var sut = CreateSut();
        sut.Add(User202, Frame("Old", "202"));

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load([Frame("Lunch", "202"), Frame("LUNCH", "202")]));

        Assert.Equal("[1].Name", e.Field);
        Assert.Equal(["Old"], sut.All.Select(f => f.Name));
    }

    [Fact]
    public void Load_UserFrameAfterDomainFrameOfSameName_ThrowsForItsPosition()
    {
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load([Frame("Lunch", null), Frame("lunch", "202")]));

        Assert.Equal("[1].Name", e.Field);
        Assert.Empty(sut.All);
    }

    [Fact]
    public void Load_DomainFrameAfterUserFrameOfSameName_ThrowsForItsPosition()
    {
        // The same clash as above in the other order; Load's documentation: Field starts with the frame's position.
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load([Frame("lunch", "202"), Frame("Lunch", null)]));

        Assert.Equal("[1].Name", e.Field);
        Assert.Empty(sut.All);
    }

    [Fact]
    public void Load_NullFrame_ThrowsForItsPosition()
    {
        var sut = CreateSut();

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load([Frame("Lunch", "202"), null!]));

        Assert.Equal("[1]", e.Field);
    }

    [Fact]
    public void Load_MoreFramesThanMaxFramesPerOwner_ThrowsForOwnerAndChangesNothing()
    {
        // Add refuses the third frame of an owner when MaxFramesPerOwner is 2; Load must not let the limit be bypassed.
        var sut = CreateSut(new TimeFramesOptions { MaxFramesPerOwner = 2 });

        var e = Assert.Throws<TimeFrameValidationException>(() => sut.Load([Frame("One", "202"), Frame("Two", "202"), Frame("Three", "202")]));

        Assert.EndsWith("Owner", e.Field, StringComparison.Ordinal);
        Assert.Empty(sut.All);
    }

    // ---- Events and listing -----------------------------------------------------------------------------------

    [Fact]
    public void Changed_AddUpdateRemoveLoad_RaisedWithOwnerNameAndChange()
    {
        var sut = CreateSut();
        var events = Record(sut);

        sut.Add(User202, Frame("Lunch", "202"));
        sut.Update(User202, Frame("Lunch", "202", AlwaysDefinition.Instance));
        sut.Remove(User202, TimeFrameOwner.User("202"), "Lunch");
        sut.Remove(User202, TimeFrameOwner.User("202"), "Lunch");
        sut.Load([PortalExamples.OutOfOffice()]);

        Assert.Equal(
            [
                ("202", "Lunch", TimeFrameChange.Added),
                ("202", "Lunch", TimeFrameChange.Updated),
                ("202", "Lunch", TimeFrameChange.Removed),
                ("Domain", string.Empty, TimeFrameChange.Loaded),
            ],
            events);
    }

    [Fact]
    public void GetVisible_User_SeesOwnAndDomainFramesSortedByName()
    {
        var sut = CreateSut();
        sut.Add(Manager, PortalExamples.OutOfOffice());
        sut.Add(User202, PortalExamples.EarlyRelease());
        sut.Add(User203, Frame("Another", "203"));

        var visible = sut.GetVisible("202");

        Assert.Equal(["Early Release", "Out of Office"], visible.Select(f => f.Frame.Name));
        Assert.Equal(["Out of Office", "Early Release", "Another"], sut.Snapshot().Select(f => f.Name));
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TimeFrameCatalog(TestCompiler.Compiler, new TimeFramesOptions { MaxFramesPerOwner = 0 }));
    }

    private static TimeFrameCatalog CreateSut(TimeFramesOptions? options = null) =>
        options is null ? new(TestCompiler.Compiler) : new(TestCompiler.Compiler, options);

    private static List<(string Owner, string Name, TimeFrameChange Change)> Record(TimeFrameCatalog catalog)
    {
        var events = new List<(string, string, TimeFrameChange)>();
        catalog.Changed += (_, e) => events.Add((e.Owner.ToString(), e.Name, e.Change));
        return events;
    }

    private static DaysOfWeekDefinition Lunch() => new(new DaySchedule(IsoDayOfWeek.Monday, new TimeRange(new LocalTime(12, 0), new LocalTime(13, 0))));

    private static TimeFrame Frame(string name, string? userId, TimeFrameDefinition? definition = null) =>
        new(name, userId is null ? TimeFrameOwner.Domain : TimeFrameOwner.User(userId), NewYork, definition ?? Lunch());
}
