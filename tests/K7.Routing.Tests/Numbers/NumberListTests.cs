using FsCheck.Xunit;

namespace K7.Routing.Tests.NumbersAndLists;

public sealed class NumberListTests
{
    private static readonly PhoneNumberKey A = new(15551230001);
    private static readonly PhoneNumberKey B = new(15551230002);
    private static readonly PhoneNumberKey C = new(15551230003);

    [Fact]
    public void Empty_HasNothing()
    {
        var sut = NumberList.Empty;

        Assert.Empty(sut.Entries);
        Assert.Empty(sut);
        Assert.False(sut.Contains(A));
        Assert.False(sut.Contains(default));
        Assert.False(sut.TryGet(A, out var entry));
        Assert.Null(entry);
    }

    [Fact]
    public void Create_KeepsInsertionOrder()
    {
        var sut = CreateSut(new NumberListEntry(C, "c"), new NumberListEntry(A, "a"), new NumberListEntry(B, "b"));

        Assert.Equal([C, A, B], sut.Entries.Select(e => e.Number));
        Assert.Equal([C, A, B], sut.Select(e => e.Number));
        Assert.Equal(3, sut.Count);
    }

    [Fact]
    public void Create_DuplicateNumber_KeepsFirstPositionAndLastName()
    {
        var sut = CreateSut(new NumberListEntry(A, "first"), new NumberListEntry(B, "b"), new NumberListEntry(A, "second"));

        Assert.Equal(2, sut.Count);
        Assert.Equal(new NumberListEntry(A, "second"), sut.Entries[0]);
    }

    [Fact]
    public void Create_NullEntry_Throws()
    {
        Assert.Throws<ArgumentException>(() => NumberList.Create([new(A), null!]));
        Assert.Throws<ArgumentNullException>(() => NumberList.Create(null!));
    }

    [Fact]
    public void Create_NoEntries_IsEmpty()
    {
        Assert.Same(NumberList.Empty, NumberList.Create([]));
    }

    [Fact]
    public void Add_NewNumber_AppendsAndLeavesOriginal()
    {
        var original = CreateSut(new NumberListEntry(A, "a"));

        var sut = original.Add(new(B, "b"));

        Assert.Equal([A, B], sut.Entries.Select(e => e.Number));
        Assert.Single(original);
        Assert.True(sut.Contains(B));
        Assert.False(original.Contains(B));
    }

    [Fact]
    public void Add_ExistingNumber_ReplacesNameInPlace()
    {
        var original = CreateSut(new NumberListEntry(A, "a"), new NumberListEntry(B, "b"));

        var sut = original.Add(new(A, "renamed"));

        Assert.Equal(2, sut.Count);
        Assert.Equal(new NumberListEntry(A, "renamed"), sut.Entries[0]);
        Assert.True(sut.TryGet(A, out var entry));
        Assert.Equal("renamed", entry.Name);
    }

    [Fact]
    public void Add_EqualEntry_ReturnsSameList()
    {
        var sut = CreateSut(new NumberListEntry(A, "a"));

        Assert.Same(sut, sut.Add(new(A, "a")));
        Assert.Same(sut, sut.AddRange([new(A, "a")]));
    }

    [Fact]
    public void Remove_Number_KeepsOrderOfOthers()
    {
        var original = CreateSut(new NumberListEntry(A), new NumberListEntry(B), new NumberListEntry(C));

        var sut = original.Remove(B);

        Assert.Equal([A, C], sut.Entries.Select(e => e.Number));
        Assert.False(sut.Contains(B));
        Assert.True(sut.TryGet(C, out var c));
        Assert.Equal(C, c.Number);
    }

    [Fact]
    public void Remove_Missing_ReturnsSameList()
    {
        var sut = CreateSut(new NumberListEntry(A));

        Assert.Same(sut, sut.Remove(B));
        Assert.Same(NumberList.Empty, sut.Remove(A));
    }

    [Fact]
    public void Entries_CannotBeChanged()
    {
        var sut = CreateSut(new NumberListEntry(A));

        var list = Assert.IsAssignableFrom<IList<NumberListEntry>>(sut.Entries);

        Assert.Throws<NotSupportedException>(() => list[0] = new NumberListEntry(B));
        Assert.Throws<NotSupportedException>(() => list.Add(new NumberListEntry(B)));
    }

    [Fact]
    public void Equals_SameEntriesSameOrder_AreEqual()
    {
        var a = CreateSut(new NumberListEntry(A, "a"), new NumberListEntry(B));
        var b = CreateSut(new NumberListEntry(A, "a"), new NumberListEntry(B));
        var reordered = CreateSut(new NumberListEntry(B), new NumberListEntry(A, "a"));
        var renamed = CreateSut(new NumberListEntry(A, "x"), new NumberListEntry(B));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, reordered);
        Assert.NotEqual(a, renamed);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void ContainsAndTryGet_ThousandEntries_AllocateNothing()
    {
        var sut = NumberList.Create(Enumerable.Range(0, 1000).Select(i => new NumberListEntry(new PhoneNumberKey(15550000000UL + ((ulong)i * 7919)), $"n{i}")));
        var probes = Enumerable.Range(0, 2000).Select(i => new PhoneNumberKey(15550000000UL + ((ulong)i * 7919 / 2))).ToArray();
        var hits = 0;
        foreach (var probe in probes)
        {
            hits += sut.Contains(probe) ? 1 : 0;
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        hits = 0;
        foreach (var probe in probes)
        {
            hits += sut.Contains(probe) ? 1 : 0;
            hits += sut.TryGet(probe, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2 * 1000, hits);
    }

    [Fact]
    public void Entry_EmptyNumber_Throws()
    {
        Assert.Throws<ArgumentException>(() => new NumberListEntry(default, "x"));
        Assert.Throws<ArgumentException>(() => new NumberListEntry(A) with { Number = default });
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Front desk \t", "Front desk")]
    public void Entry_Name_IsTrimmedAndNeverEmpty(string? name, string? expected)
    {
        Assert.Equal(expected, new NumberListEntry(A, name).Name);
        Assert.Equal(expected, (new NumberListEntry(A) with { Name = name }).Name);
    }

    [Fact]
    public void ToString_SaysCount()
    {
        Assert.Equal("NumberList (1 number)", CreateSut(new NumberListEntry(A)).ToString());
        Assert.Equal("NumberList (0 numbers)", NumberList.Empty.ToString());
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void Create_AnyEntries_EqualsAddingOneByOne(EntrySequence x)
    {
        var byAdd = x.Entries.Aggregate(NumberList.Empty, (list, entry) => list.Add(entry));

        var sut = NumberList.Create(x.Entries);

        Assert.Equal(byAdd, sut);
        Assert.Equal(x.Entries.Select(e => e.Number).Distinct(), sut.Entries.Select(e => e.Number));
        foreach (var number in x.Entries.Select(e => e.Number))
        {
            Assert.True(sut.TryGet(number, out var entry));
            Assert.Equal(x.Entries.Last(e => e.Number == number), entry);
        }
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(NumberGenerators) })]
    public void Remove_AnyNumber_RemovesOnlyIt(EntrySequence x)
    {
        var sut = NumberList.Create(x.Entries);

        foreach (var entry in sut.Entries)
        {
            var removed = sut.Remove(entry.Number);

            Assert.False(removed.Contains(entry.Number));
            Assert.Equal(sut.Entries.Where(e => e.Number != entry.Number), removed.Entries);
        }
    }

    private static NumberList CreateSut(params NumberListEntry[] entries) => NumberList.Create(entries);
}
