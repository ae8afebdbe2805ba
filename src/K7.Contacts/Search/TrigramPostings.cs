namespace K7.Contacts.Search;

/// <summary>
/// An inverted index from each three-character sequence (trigram) of a key to the slots whose key holds it, each
/// posting list sorted by slot number.
/// </summary>
/// <remarks>
/// Keys are folded text; trigrams that hold <see cref="ContactSearchKeys.Separator"/> are not indexed (a search text
/// never holds it, so no match can span two parts of a key). Not thread-safe; <see cref="ContactSearchIndex"/> changes
/// it under its write lock and reads it under its read lock.
/// </remarks>
internal sealed class TrigramPostings
{
    /// <summary>The length of the sequences indexed.</summary>
    public const int GramLength = 3;

    private readonly Dictionary<long, SlotList> _postings = [];
    private readonly HashSet<long> _scratch = [];

    /// <summary>Gets the number of distinct trigrams indexed.</summary>
    public int GramCount => _postings.Count;

    /// <summary>Gets the trigram key of the three characters at the start of a span.</summary>
    public static long GramAt(ReadOnlySpan<char> text, int index) =>
        ((long)text[index] << 32) | ((long)text[index + 1] << 16) | text[index + 2];

    /// <summary>Adds a slot under every trigram of its key.</summary>
    public void Add(string key, int slot)
    {
        CollectGrams(key);
        foreach (var gram in _scratch)
        {
            if (!_postings.TryGetValue(gram, out var list))
            {
                list = new SlotList();
                _postings.Add(gram, list);
            }

            list.AddSorted(slot);
        }
    }

    /// <summary>Removes a slot from under every trigram of its key (the key it was added with).</summary>
    public void Remove(string key, int slot)
    {
        CollectGrams(key);
        foreach (var gram in _scratch)
        {
            if (_postings.TryGetValue(gram, out var list))
            {
                list.RemoveSorted(slot);
                if (list.Count == 0)
                {
                    _postings.Remove(gram);
                }
            }
        }
    }

    /// <summary>Gets the posting list of a trigram, or <see langword="null"/> when no key holds it.</summary>
    public SlotList? Get(long gram) => _postings.GetValueOrDefault(gram);

    private void CollectGrams(string key)
    {
        _scratch.Clear();
        var span = key.AsSpan();
        for (var i = 0; i + GramLength <= span.Length; i++)
        {
            if (span.Slice(i, GramLength).Contains(ContactSearchKeys.Separator))
            {
                continue;
            }

            _scratch.Add(GramAt(span, i));
        }
    }
}
