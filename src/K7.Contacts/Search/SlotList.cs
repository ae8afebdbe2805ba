namespace K7.Contacts.Search;

/// <summary>A growable list of slot numbers kept in an order its owner decides (a posting list, a sort order).</summary>
/// <remarks>Not thread-safe; <see cref="ContactSearchIndex"/> changes it under its write lock only.</remarks>
internal sealed class SlotList
{
    private int[] _items;

    public SlotList(int capacity = 4) => _items = new int[Math.Max(capacity, 1)];

    /// <summary>Gets the number of slots.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the slots, in order.</summary>
    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    /// <summary>Gets the slot at a position.</summary>
    public int this[int index] => _items[index];

    /// <summary>Inserts a slot at a position, moving the following ones up.</summary>
    public void Insert(int index, int slot)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        if (index < Count)
        {
            Array.Copy(_items, index, _items, index + 1, Count - index);
        }

        _items[index] = slot;
        Count++;
    }

    /// <summary>Removes the slot at a position, moving the following ones down.</summary>
    public void RemoveAt(int index)
    {
        Count--;
        if (index < Count)
        {
            Array.Copy(_items, index + 1, _items, index, Count - index);
        }
    }

    /// <summary>Adds a slot to a list sorted by slot number (no-op when present).</summary>
    public void AddSorted(int slot)
    {
        var index = Items.BinarySearch(slot);
        if (index < 0)
        {
            Insert(~index, slot);
        }
    }

    /// <summary>Removes a slot from a list sorted by slot number.</summary>
    /// <returns><see langword="true"/> when it was there.</returns>
    public bool RemoveSorted(int slot)
    {
        var index = Items.BinarySearch(slot);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }
}
