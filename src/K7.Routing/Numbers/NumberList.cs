using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace K7.Routing;

/// <summary>
/// An allow or block list: an immutable set of phone numbers, each with an optional name, kept in the order they were
/// added. <see cref="Contains"/> answers in a few nanoseconds without allocating, whatever the size of the list.
/// </summary>
/// <remarks>
/// <para>
/// A number is on a list at most once. Adding a number that is already there replaces its entry (its name) in place,
/// keeping its position; it does not add a second entry. <see cref="Create"/> applies the same rule, so the last name
/// given for a number wins.
/// </para>
/// <para>
/// <see cref="Add"/>, <see cref="AddRange"/> and <see cref="Remove"/> return new lists and cost time proportional to
/// the size of the list (the lookup table is rebuilt), which suits lists edited by people and read on every call.
/// </para>
/// <para>
/// Two lists are equal when they have equal entries in the same order. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Allow list and block list are the domain's words; NumberListCollection would read as a collection of lists.")]
public sealed class NumberList : IReadOnlyCollection<NumberListEntry>, IEquatable<NumberList>
{
    private readonly NumberListEntry[] _entries;
    private readonly FrozenDictionary<ulong, int> _index;
    private readonly int _hashCode;

    private NumberList(NumberListEntry[] entries, FrozenDictionary<ulong, int> index)
    {
        _entries = entries;
        _index = index;
        Entries = Array.AsReadOnly(entries);
        var hash = default(HashCode);
        foreach (var entry in entries)
        {
            hash.Add(entry);
        }

        _hashCode = hash.ToHashCode();
    }

    /// <summary>Gets the empty list.</summary>
    public static NumberList Empty { get; } = new([], FrozenDictionary<ulong, int>.Empty);

    /// <summary>Gets the entries in the order they were first added.</summary>
    public IReadOnlyList<NumberListEntry> Entries { get; }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>Creates a list from entries, in order. A number given more than once keeps its first position and its last entry.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The list; <see cref="Empty"/> when there are no entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entries"/> contains <see langword="null"/>.</exception>
    public static NumberList Create(IEnumerable<NumberListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Empty.AddRange(entries);
    }

    /// <summary>Returns whether <paramref name="number"/> is on the list. Allocates nothing.</summary>
    /// <param name="number">The canonical number, from <see cref="PhoneNumberCanonicalizer.TryCanonicalize"/>.</param>
    /// <returns><see langword="true"/> when the number is on the list; <see langword="false"/> for the empty key.</returns>
    public bool Contains(PhoneNumberKey number) => _index.ContainsKey(number.Value);

    /// <summary>Gets the entry of <paramref name="number"/>, with its name, to explain a decision. Allocates nothing.</summary>
    /// <param name="number">The canonical number.</param>
    /// <param name="entry">The entry, or <see langword="null"/> when the number is not on the list.</param>
    /// <returns><see langword="true"/> when the number is on the list.</returns>
    public bool TryGet(PhoneNumberKey number, [NotNullWhen(true)] out NumberListEntry? entry)
    {
        if (_index.TryGetValue(number.Value, out var position))
        {
            entry = _entries[position];
            return true;
        }

        entry = null;
        return false;
    }

    /// <summary>Returns a list with <paramref name="entry"/> added at the end or, when its number is already on the list, replacing that entry in place.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new list; this list when it already holds an equal entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public NumberList Add(NumberListEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_index.TryGetValue(entry.Number.Value, out var position))
        {
            if (_entries[position].Equals(entry))
            {
                return this;
            }

            var replaced = (NumberListEntry[])_entries.Clone();
            replaced[position] = entry;
            return new NumberList(replaced, _index);
        }

        var added = new NumberListEntry[_entries.Length + 1];
        _entries.CopyTo(added, 0);
        added[^1] = entry;
        return Build(added);
    }

    /// <summary>Returns a list with <paramref name="entries"/> added in order, each as <see cref="Add"/> would add it.</summary>
    /// <param name="entries">The entries.</param>
    /// <returns>The new list; this list when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entries"/> contains <see langword="null"/>.</exception>
    public NumberList AddRange(IEnumerable<NumberListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<NumberListEntry>(_entries);
        var positions = new Dictionary<ulong, int>(_index);
        var changed = false;
        foreach (var entry in entries)
        {
            if (entry is null)
            {
                throw new ArgumentException("The entries contain null.", nameof(entries));
            }

            if (positions.TryGetValue(entry.Number.Value, out var position))
            {
                if (!list[position].Equals(entry))
                {
                    list[position] = entry;
                    changed = true;
                }
            }
            else
            {
                positions.Add(entry.Number.Value, list.Count);
                list.Add(entry);
                changed = true;
            }
        }

        if (!changed)
        {
            return this;
        }

        return list.Count == _entries.Length ? new NumberList([.. list], _index) : Build([.. list]);
    }

    /// <summary>Returns a list without the entry of <paramref name="number"/>; the other entries keep their order.</summary>
    /// <param name="number">The number to remove.</param>
    /// <returns>The new list; this list when the number is not on it.</returns>
    public NumberList Remove(PhoneNumberKey number)
    {
        if (!_index.TryGetValue(number.Value, out var position))
        {
            return this;
        }

        if (_entries.Length == 1)
        {
            return Empty;
        }

        var remaining = new NumberListEntry[_entries.Length - 1];
        Array.Copy(_entries, 0, remaining, 0, position);
        Array.Copy(_entries, position + 1, remaining, position, remaining.Length - position);
        return Build(remaining);
    }

    /// <summary>Returns an enumerator over the entries in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<NumberListEntry> GetEnumerator() => ((IEnumerable<NumberListEntry>)_entries).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns whether <paramref name="other"/> has equal entries in the same order.</summary>
    /// <param name="other">The other list.</param>
    /// <returns><see langword="true"/> when the lists are equal.</returns>
    public bool Equals([NotNullWhen(true)] NumberList? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null && _hashCode == other._hashCode && _entries.AsSpan().SequenceEqual(other._entries);
    }

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as NumberList);

    /// <inheritdoc/>
    public override int GetHashCode() => _hashCode;

    /// <summary>Returns a short description for debugging, such as <c>NumberList (3 numbers)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"NumberList ({Count} {(Count == 1 ? "number" : "numbers")})";

    private static NumberList Build(NumberListEntry[] entries)
    {
        var positions = new Dictionary<ulong, int>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            positions.Add(entries[i].Number.Value, i);
        }

        return new NumberList(entries, positions.ToFrozenDictionary());
    }
}
