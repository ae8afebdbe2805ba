using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace K7.Contacts.Search;

/// <summary>
/// The in-memory search behind the Contacts page: every contact of a domain, searched by name, extension or number,
/// filtered by group and presence, sorted and paged, in microseconds.
/// </summary>
/// <remarks>
/// <para>
/// Each contact gets a slot. What a search reads per candidate is kept in arrays indexed by slot: who sees it (a code:
/// everyone, nobody, or the owner of a personal contact), its kind and whether it has a site or department, the codes
/// of its site and department, and its rank in each of the three fixed orders (last name, first name, extension).
/// Comparing two candidates is an integer comparison; the Online order combines the presence state with the
/// last-name rank.
/// </para>
/// <para>
/// Text is folded (<see cref="TextFolding"/>) and looked up in two trigram indexes (<see cref="TrigramPostings"/>), one
/// over the name keys ("first last", "last first") and one over the digit keys (extension, numbers, national
/// numbers). A search text of three or more characters looks only at candidates: the intersection of the two shortest
/// posting lists of its trigrams, verified with a substring search (for exactly three characters in substring mode the
/// posting list is the answer and nothing is verified). Shorter texts, and searches without text, scan every slot in
/// slot order (sequential memory), rejecting most contacts by a 64-bit character mask (<see cref="CharMask"/>) before
/// reading their keys. The favourites group starts from the favourites set when it is the smaller. A page is chosen
/// with a bounded max-heap of <c>Skip + Take</c> sort keys, not by sorting every match; every match is still counted
/// for <see cref="ContactSearchResult.TotalCount"/>.
/// </para>
/// <para>
/// The three orders are kept as sorted slot lists, updated by binary search on every change; the rank arrays are
/// rebuilt from them (a linear pass) by the first search after a change, so an edit is always visible to the next
/// search, and a burst of edits costs one rebuild.
/// </para>
/// <para>
/// Thread safety: <see cref="Set"/> and <see cref="Remove"/> must be serialized by the caller (one writer at a time);
/// they may run concurrently with any number of <see cref="Search"/>, <see cref="Get"/> and <see cref="Count"/> calls
/// from other threads. A <see cref="ReaderWriterLockSlim"/> guards the state: searches hold the read lock for their
/// whole duration (so each sees one consistent state), writers take the write lock only to link or unlink a contact
/// (its keys are computed before), and the rank rebuild takes the write lock briefly. Presence is read from the
/// <see cref="PresenceTracker"/> as the search runs, so a state that changes during a search may be seen either way;
/// the caller's favourites set must not change during the call.
/// </para>
/// <para>
/// The index is not disposable: it lives as long as the directory that owns it, and the lock holds no unmanaged
/// resource until contention creates its wait handles, which their finalizers release.
/// </para>
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "See remarks: the lock needs no disposal for the index's lifetime.")]
internal sealed class ContactSearchIndex
{
    private const int Nobody = -1;
    private const int Everyone = 0;
    private const int NoCode = -2;
    private const int FlagShared = 1;
    private const int FlagPersonal = 2;
    private const int FlagUser = 4;
    private const int FlagSite = 8;
    private const int FlagDepartment = 16;
    private const int InitialCapacity = 64;
    private const int ExactLength = TrigramPostings.GramLength;
    private const int MergeRatio = 8;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<ContactId, int> _slotById = [];
    private readonly Dictionary<ContactId, int> _ownerCodes = [];
    private readonly Dictionary<string, int> _siteCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departmentCodes = new(StringComparer.Ordinal);
    private readonly Stack<int> _freeSlots = new();
    private readonly TrigramPostings _namePostings = new();
    private readonly TrigramPostings _digitPostings = new();
    private readonly SlotList _byLastName = new(InitialCapacity);
    private readonly SlotList _byFirstName = new(InitialCapacity);
    private readonly SlotList _byExtension = new(InitialCapacity);

    private int _slotCount;
    private int _count;
    private bool _ranksDirty;
    private Contact?[] _contacts = new Contact?[InitialCapacity];
    private ContactSearchKeys?[] _keys = new ContactSearchKeys?[InitialCapacity];
    private SlotInfo[] _info = new SlotInfo[InitialCapacity];
    private ulong[] _masks = new ulong[InitialCapacity];

    /// <summary>Initializes a new, empty instance of the <see cref="ContactSearchIndex"/> class.</summary>
    public ContactSearchIndex()
    {
    }

    /// <summary>Gets the number of contacts indexed.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Checks a query's paging and enum values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A property is out of range; the exception names it.</exception>
    public static void Validate(ContactQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Skip < 0)
        {
            ThrowOutOfRange(nameof(ContactQuery.Skip), query.Skip, "Skip must not be negative.");
        }

        if (query.Take is < 1 or > ContactQuery.MaxTake)
        {
            ThrowOutOfRange(nameof(ContactQuery.Take), query.Take, $"Take must be 1 to {ContactQuery.MaxTake}.");
        }

        if (!Enum.IsDefined(query.Match))
        {
            ThrowOutOfRange(nameof(ContactQuery.Match), query.Match, "Unknown match mode.");
        }

        if (!Enum.IsDefined(query.Group))
        {
            ThrowOutOfRange(nameof(ContactQuery.Group), query.Group, "Unknown group.");
        }

        if (!Enum.IsDefined(query.Status))
        {
            ThrowOutOfRange(nameof(ContactQuery.Status), query.Status, "Unknown presence filter.");
        }

        if (!Enum.IsDefined(query.Sort))
        {
            ThrowOutOfRange(nameof(ContactQuery.Sort), query.Sort, "Unknown sort.");
        }
    }

    /// <summary>Adds a contact, or replaces the contact with the same identifier.</summary>
    /// <param name="contact">The contact.</param>
    /// <exception cref="ArgumentException">The contact's identifier is empty.</exception>
    public void Set(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Id.IsEmpty)
        {
            ThrowEmptyId();
        }

        var keys = ContactSearchKeys.For(contact);
        _lock.EnterWriteLock();
        try
        {
            if (_slotById.TryGetValue(contact.Id, out var slot))
            {
                Unlink(slot);
            }
            else
            {
                slot = AllocateSlot();
                _slotById.Add(contact.Id, slot);
            }

            Link(slot, contact, keys);
            _ranksDirty = true;
            Volatile.Write(ref _count, _slotById.Count);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes a contact.</summary>
    /// <param name="id">The contact's identifier.</param>
    /// <returns><see langword="true"/> when it was indexed.</returns>
    public bool Remove(ContactId id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.Remove(id, out var slot))
            {
                return false;
            }

            Unlink(slot);
            _freeSlots.Push(slot);
            _ranksDirty = true;
            Volatile.Write(ref _count, _slotById.Count);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Gets a contact by identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The contact, or <see langword="null"/>.</returns>
    public Contact? Get(ContactId id)
    {
        _lock.EnterReadLock();
        try
        {
            return _slotById.TryGetValue(id, out var slot) ? _contacts[slot] : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Searches the contacts a viewer sees.</summary>
    /// <param name="viewer">The user searching.</param>
    /// <param name="query">The text, group, status filter, order and page.</param>
    /// <param name="favorites">The contacts the viewer starred.</param>
    /// <param name="presence">The presence of users.</param>
    /// <returns>The page, and how many contacts match in all.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A property of <paramref name="query"/> is out of range; the exception names it.</exception>
    public ContactSearchResult Search(ContactId viewer, ContactQuery query, IReadOnlySet<ContactId> favorites, PresenceTracker presence)
    {
        Validate(query);
        ArgumentNullException.ThrowIfNull(favorites);
        ArgumentNullException.ThrowIfNull(presence);

        var text = TextFolding.Fold(query.Text);
        var digits = text.Length > 0 && TextFolding.IsNumberLike(text) ? TextFolding.Digits(text) : string.Empty;
        var groupName = query.Group is ContactGroup.Sites or ContactGroup.Departments ? TextFolding.Fold(query.GroupName) : string.Empty;

        EnterReadLockWithRanks();
        try
        {
            var filter = CreateFilter(viewer, query, favorites, presence, text, digits, groupName);
            return SearchLocked(ref filter, query);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(string name, object value, string message) => throw new ArgumentOutOfRangeException(name, value, message);

    [DoesNotReturn]
    private static void ThrowEmptyId() => throw new ArgumentException("The contact's identifier is empty.", "contact");

    private static bool ContainsText(string key, string needle, bool prefix)
    {
        var span = key.AsSpan();
        var index = span.IndexOf(needle.AsSpan());
        if (!prefix || index < 0)
        {
            return index >= 0;
        }

        while (!TextFolding.IsWordStart(span, index))
        {
            var next = span[(index + 1)..].IndexOf(needle.AsSpan());
            if (next < 0)
            {
                return false;
            }

            index += next + 1;
        }

        return true;
    }

    private static ReadOnlySpan<int> Candidates(TrigramPostings postings, string needle, ref int[]? rented)
    {
        SlotList? shortest = null;
        SlotList? second = null;
        var span = needle.AsSpan();
        for (var i = 0; i + ExactLength <= span.Length; i++)
        {
            var list = postings.Get(TrigramPostings.GramAt(span, i));
            if (list is null)
            {
                return [];
            }

            if (shortest is null || list.Count < shortest.Count)
            {
                second = shortest;
                shortest = list;
            }
            else if (list != shortest && (second is null || list.Count < second.Count))
            {
                second = list;
            }
        }

        Debug.Assert(shortest is not null, "A needle of three or more characters has a trigram.");
        if (second is null)
        {
            return shortest.Items;
        }

        rented = ArrayPool<int>.Shared.Rent(shortest.Count);
        var count = Intersect(shortest.Items, second.Items, rented);
        return rented.AsSpan(0, count);
    }

    private static int Intersect(ReadOnlySpan<int> small, ReadOnlySpan<int> large, int[] into)
    {
        var count = 0;
        if (large.Length <= small.Length * MergeRatio)
        {
            var j = 0;
            foreach (var slot in small)
            {
                while (j < large.Length && large[j] < slot)
                {
                    j++;
                }

                if (j == large.Length)
                {
                    break;
                }

                if (large[j] == slot)
                {
                    into[count++] = slot;
                }
            }

            return count;
        }

        var from = 0;
        foreach (var slot in small)
        {
            var found = large[from..].BinarySearch(slot);
            if (found >= 0)
            {
                into[count++] = slot;
                from += found + 1;
            }
            else
            {
                from += ~found;
            }

            if (from == large.Length)
            {
                break;
            }
        }

        return count;
    }

    private void EnterReadLockWithRanks()
    {
        while (true)
        {
            _lock.EnterReadLock();
            if (!_ranksDirty)
            {
                return;
            }

            _lock.ExitReadLock();
            _lock.EnterWriteLock();
            try
            {
                if (_ranksDirty)
                {
                    RebuildRanks();
                }
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    private void RebuildRanks()
    {
        var info = _info;
        var items = _byLastName.Items;
        for (var i = 0; i < items.Length; i++)
        {
            info[items[i]].RankLast = i;
        }

        items = _byFirstName.Items;
        for (var i = 0; i < items.Length; i++)
        {
            info[items[i]].RankFirst = i;
        }

        items = _byExtension.Items;
        for (var i = 0; i < items.Length; i++)
        {
            info[items[i]].RankExtension = i;
        }

        _ranksDirty = false;
    }

    private Filter CreateFilter(
        ContactId viewer, ContactQuery query, IReadOnlySet<ContactId> favorites, PresenceTracker presence, string text, string digits, string groupName)
    {
        var filter = new Filter
        {
            Viewer = _ownerCodes.TryGetValue(viewer, out var code) ? code : NoCode,
            Favorites = query.Group == ContactGroup.Favorites ? favorites : null,
            AllFavorites = favorites,
            Presence = presence,
            Status = query.Status,
            Sort = query.Sort,
            NeedState = query.Status != PresenceFilter.Any || query.Sort == ContactSort.Online,
            Text = text,
            Digits = digits,
            Prefix = query.Match == ContactMatchMode.Prefix,
        };

        switch (query.Group)
        {
            case ContactGroup.Shared:
                filter.Flags = FlagShared;
                break;
            case ContactGroup.MyContacts:
                filter.Flags = FlagPersonal;
                break;
            case ContactGroup.Coworkers:
                filter.Flags = FlagUser;
                break;
            case ContactGroup.Sites:
                filter.Flags = FlagUser | FlagSite;
                filter.Site = groupName.Length == 0 ? 0 : _siteCodes.GetValueOrDefault(groupName, NoCode);
                break;
            case ContactGroup.Departments:
                filter.Flags = FlagUser | FlagDepartment;
                filter.Department = groupName.Length == 0 ? 0 : _departmentCodes.GetValueOrDefault(groupName, NoCode);
                break;
        }

        return filter;
    }

    private ContactSearchResult SearchLocked(ref Filter filter, ContactQuery query)
    {
        var wanted = (long)query.Skip + query.Take;
        var text = filter.Text;
        var digits = filter.Digits;
        if (text.Length >= ExactLength && (digits.Length == 0 || digits.Length >= ExactLength))
        {
            int[]? rentedNames = null;
            int[]? rentedDigits = null;
            try
            {
                var names = Candidates(_namePostings, text, ref rentedNames);
                var numbers = digits.Length == 0 ? [] : Candidates(_digitPostings, digits, ref rentedDigits);
                var bound = names.Length + numbers.Length;
                if (filter.Favorites is { } favorites && favorites.Count < bound)
                {
                    return FromFavorites(ref filter, query, wanted);
                }

                var top = new TopK((int)Math.Min(wanted, bound));
                try
                {
                    CollectPostings(ref filter, names, numbers, ref top);
                    return Page(ref filter, query, ref top);
                }
                finally
                {
                    top.Dispose();
                }
            }
            finally
            {
                if (rentedNames is not null)
                {
                    ArrayPool<int>.Shared.Return(rentedNames);
                }

                if (rentedDigits is not null)
                {
                    ArrayPool<int>.Shared.Return(rentedDigits);
                }
            }
        }

        if (filter.Favorites is not null)
        {
            return FromFavorites(ref filter, query, wanted);
        }

        var all = new TopK((int)Math.Min(wanted, _byLastName.Count));
        try
        {
            ScanSlots(ref filter, ref all);
            return Page(ref filter, query, ref all);
        }
        finally
        {
            all.Dispose();
        }
    }

    private void ScanSlots(ref Filter filter, ref TopK top)
    {
        var text = filter.Text;
        var digits = filter.Digits;
        var nameMask = CharMask.Of(text);
        var digitMask = CharMask.OfDigits(digits);
        var nameExact = !filter.Prefix && CharMask.IsExact(text);
        var digitExact = !filter.Prefix && CharMask.IsExact(digits);
        var masks = _masks;
        for (var slot = 0; slot < _slotCount; slot++)
        {
            var mask = masks[slot];
            if (text.Length > 0 && (mask & nameMask) != nameMask && (digits.Length == 0 || (mask & digitMask) != digitMask))
            {
                continue;
            }

            if (!Admit(ref filter, slot))
            {
                continue;
            }

            if (text.Length > 0)
            {
                var matched = (mask & nameMask) == nameMask
                    && (nameExact || ContainsText(_keys[slot]!.Names, text, filter.Prefix));
                if (!matched && digits.Length > 0 && (mask & digitMask) == digitMask)
                {
                    matched = digitExact || ContainsText(_keys[slot]!.Digits, digits, filter.Prefix);
                }

                if (!matched)
                {
                    continue;
                }
            }

            if (TryKey(ref filter, slot, out var key))
            {
                top.Add(key);
            }
        }
    }

    private void CollectPostings(ref Filter filter, ReadOnlySpan<int> names, ReadOnlySpan<int> numbers, ref TopK top)
    {
        var verifyNames = filter.Prefix || filter.Text.Length != ExactLength;
        if (filter.IsPlain && numbers.IsEmpty)
        {
            // The common case (group All, any status, a fixed order): the visibility and the rank decide.
            var info = _info;
            var viewer = filter.Viewer;
            var sort = filter.Sort;
            foreach (var slot in names)
            {
                ref var entry = ref info[slot];
                if ((entry.Visibility == Everyone || entry.Visibility == viewer)
                    && (!verifyNames || ContainsText(_keys[slot]!.Names, filter.Text, filter.Prefix)))
                {
                    top.Add(sort switch
                    {
                        ContactSort.FirstName => entry.RankFirst,
                        ContactSort.Extension => entry.RankExtension,
                        _ => entry.RankLast,
                    });
                }
            }

            return;
        }

        foreach (var slot in names)
        {
            if (Admit(ref filter, slot)
                && (!verifyNames || ContainsText(_keys[slot]!.Names, filter.Text, filter.Prefix))
                && TryKey(ref filter, slot, out var key))
            {
                top.Add(key);
            }
        }

        var verifyDigits = filter.Prefix || filter.Digits.Length != ExactLength;
        foreach (var slot in numbers)
        {
            if (Admit(ref filter, slot)
                && (!verifyDigits || ContainsText(_keys[slot]!.Digits, filter.Digits, filter.Prefix))
                && (names.IsEmpty || names.BinarySearch(slot) < 0 || !ContainsText(_keys[slot]!.Names, filter.Text, filter.Prefix))
                && TryKey(ref filter, slot, out var key))
            {
                top.Add(key);
            }
        }
    }

    private ContactSearchResult FromFavorites(ref Filter filter, ContactQuery query, long wanted)
    {
        var favorites = filter.Favorites!;
        filter.Favorites = null;
        var top = new TopK((int)Math.Min(wanted, favorites.Count));
        try
        {
            foreach (var id in favorites)
            {
                if (_slotById.TryGetValue(id, out var slot)
                    && Admit(ref filter, slot)
                    && MatchesText(ref filter, slot)
                    && TryKey(ref filter, slot, out var key))
                {
                    top.Add(key);
                }
            }

            return Page(ref filter, query, ref top);
        }
        finally
        {
            top.Dispose();
        }
    }

    private ContactSearchResult Page(ref Filter filter, ContactQuery query, ref TopK top)
    {
        var keys = top.SortedKeys();
        if (keys.Length <= query.Skip)
        {
            return new ContactSearchResult([], top.Total);
        }

        keys = keys[query.Skip..];
        var order = OrderOf(filter.Sort);
        var items = new ContactMatch[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            items[i] = ToMatch(order[(int)(keys[i] & uint.MaxValue)], ref filter);
        }

        return new ContactSearchResult(items, top.Total);
    }

    private ContactMatch ToMatch(int slot, ref Filter filter)
    {
        var contact = _contacts[slot]!;
        var presence = contact.Kind == ContactKind.User ? filter.Presence.Get(contact.Id) : Presence.Unknown;
        return new ContactMatch(contact, filter.AllFavorites.Contains(contact.Id), presence);
    }

    private SlotList OrderOf(ContactSort sort) => sort switch
    {
        ContactSort.FirstName => _byFirstName,
        ContactSort.Extension => _byExtension,
        _ => _byLastName,
    };

    private bool Admit(ref Filter filter, int slot)
    {
        ref var info = ref _info[slot];
        if (info.Visibility != Everyone && info.Visibility != filter.Viewer)
        {
            return false;
        }

        if ((info.Flags & filter.Flags) != filter.Flags
            || (filter.Site != 0 && info.Site != filter.Site)
            || (filter.Department != 0 && info.Department != filter.Department))
        {
            return false;
        }

        return filter.Favorites is null || filter.Favorites.Contains(_contacts[slot]!.Id);
    }

    private bool MatchesText(ref Filter filter, int slot)
    {
        if (filter.Text.Length == 0)
        {
            return true;
        }

        var keys = _keys[slot]!;
        return ContainsText(keys.Names, filter.Text, filter.Prefix)
            || (filter.Digits.Length > 0 && ContainsText(keys.Digits, filter.Digits, filter.Prefix));
    }

    private bool TryKey(ref Filter filter, int slot, out long key)
    {
        ref var info = ref _info[slot];
        var online = 0;
        if (filter.NeedState)
        {
            var state = (info.Flags & FlagUser) != 0 ? filter.Presence.GetState(_contacts[slot]!.Id) : PresenceState.Offline;
            if (!PresenceRanking.Matches(filter.Status, state))
            {
                key = 0;
                return false;
            }

            online = PresenceRanking.OnlineRank(state);
        }

        key = filter.Sort switch
        {
            ContactSort.FirstName => info.RankFirst,
            ContactSort.Extension => info.RankExtension,
            ContactSort.Online => ((long)online << 32) | (uint)info.RankLast,
            _ => info.RankLast,
        };
        return true;
    }

    private int AllocateSlot()
    {
        if (_freeSlots.TryPop(out var slot))
        {
            return slot;
        }

        if (_slotCount == _contacts.Length)
        {
            var capacity = _contacts.Length * 2;
            Array.Resize(ref _contacts, capacity);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _info, capacity);
            Array.Resize(ref _masks, capacity);
        }

        return _slotCount++;
    }

    private void Link(int slot, Contact contact, ContactSearchKeys keys)
    {
        _contacts[slot] = contact;
        _keys[slot] = keys;
        _masks[slot] = CharMask.Of(keys.Names) | CharMask.OfDigits(keys.Digits);
        ref var info = ref _info[slot];
        info.Site = 0;
        info.Department = 0;
        switch (contact.Kind)
        {
            case ContactKind.Shared:
                info.Visibility = Everyone;
                info.Flags = FlagShared;
                break;
            case ContactKind.User:
                info.Visibility = contact.ListInDirectory ? Everyone : Nobody;
                info.Flags = FlagUser;
                if (keys.Site.Length > 0)
                {
                    info.Flags |= FlagSite;
                    info.Site = CodeOf(_siteCodes, keys.Site);
                }

                if (keys.Department.Length > 0)
                {
                    info.Flags |= FlagDepartment;
                    info.Department = CodeOf(_departmentCodes, keys.Department);
                }

                break;
            default:
                info.Visibility = OwnerCode(contact.OwnerId);
                info.Flags = contact.Kind == ContactKind.Personal ? FlagPersonal : 0;
                break;
        }

        _namePostings.Add(keys.Names, slot);
        _digitPostings.Add(keys.Digits, slot);
        _byLastName.Insert(~Find(_byLastName, ContactSort.LastName, slot), slot);
        _byFirstName.Insert(~Find(_byFirstName, ContactSort.FirstName, slot), slot);
        _byExtension.Insert(~Find(_byExtension, ContactSort.Extension, slot), slot);
    }

    private void Unlink(int slot)
    {
        var keys = _keys[slot]!;
        _namePostings.Remove(keys.Names, slot);
        _digitPostings.Remove(keys.Digits, slot);
        _byLastName.RemoveAt(Find(_byLastName, ContactSort.LastName, slot));
        _byFirstName.RemoveAt(Find(_byFirstName, ContactSort.FirstName, slot));
        _byExtension.RemoveAt(Find(_byExtension, ContactSort.Extension, slot));
        _contacts[slot] = null;
        _keys[slot] = null;
        _masks[slot] = 0;
        _info[slot] = new SlotInfo { Visibility = Nobody };
    }

    private int OwnerCode(ContactId owner)
    {
        if (!_ownerCodes.TryGetValue(owner, out var code))
        {
            code = _ownerCodes.Count + 1;
            _ownerCodes.Add(owner, code);
        }

        return code;
    }

    private static int CodeOf(Dictionary<string, int> codes, string name)
    {
        if (!codes.TryGetValue(name, out var code))
        {
            code = codes.Count + 1;
            codes.Add(name, code);
        }

        return code;
    }

    private int Find(SlotList order, ContactSort sort, int slot)
    {
        var low = 0;
        var high = order.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var comparison = Compare(sort, order[middle], slot);
            if (comparison == 0)
            {
                return middle;
            }

            if (comparison < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    private int Compare(ContactSort sort, int a, int b)
    {
        var x = _keys[a]!;
        var y = _keys[b]!;
        switch (sort)
        {
            case ContactSort.FirstName:
                return Chain(string.CompareOrdinal(x.First, y.First), string.CompareOrdinal(x.Last, y.Last), a, b);
            case ContactSort.Extension:
                if (x.ExtensionOrder is null || y.ExtensionOrder is null)
                {
                    if (x.ExtensionOrder is not null || y.ExtensionOrder is not null)
                    {
                        return x.ExtensionOrder is null ? 1 : -1;
                    }
                }
                else
                {
                    var byLength = x.ExtensionOrder.Length.CompareTo(y.ExtensionOrder.Length);
                    var byDigits = byLength != 0 ? byLength : string.CompareOrdinal(x.ExtensionOrder, y.ExtensionOrder);
                    if (byDigits != 0)
                    {
                        return byDigits;
                    }
                }

                return Compare(ContactSort.LastName, a, b);
            default:
                return Chain(string.CompareOrdinal(x.Last, y.Last), string.CompareOrdinal(x.First, y.First), a, b);
        }
    }

    private int Chain(int first, int second, int a, int b) =>
        first != 0 ? first : second != 0 ? second : _contacts[a]!.Id.CompareTo(_contacts[b]!.Id);

    /// <summary>What a search reads per candidate, in one 32-byte record so that a candidate costs one cache line.</summary>
    private struct SlotInfo
    {
        public int Visibility;
        public int Flags;
        public int Site;
        public int Department;
        public int RankLast;
        public int RankFirst;
        public int RankExtension;
        public int Reserved;
    }

    /// <summary>What a search keeps, per candidate, besides the text.</summary>
    private struct Filter
    {
        public int Viewer;
        public int Flags;
        public int Site;
        public int Department;
        public IReadOnlySet<ContactId>? Favorites;
        public IReadOnlySet<ContactId> AllFavorites;
        public PresenceTracker Presence;
        public PresenceFilter Status;
        public ContactSort Sort;
        public bool NeedState;
        public string Text;
        public string Digits;
        public bool Prefix;

        /// <summary>Gets a value indicating whether only visibility and a fixed order matter (no group, status or Online order).</summary>
        public readonly bool IsPlain => Flags == 0 && Site == 0 && Department == 0 && Favorites is null && !NeedState;
    }

    /// <summary>The smallest <c>k</c> keys seen (a max-heap of at most <c>k</c>), and how many were seen.</summary>
    private struct TopK : IDisposable
    {
        private readonly int _capacity;
        private long[] _heap;
        private int _count;

        public TopK(int capacity)
        {
            _capacity = capacity;
            _heap = capacity == 0 ? [] : ArrayPool<long>.Shared.Rent(capacity);
        }

        public int Total { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(long key)
        {
            Total++;
            if (_count == _capacity && (_capacity == 0 || key >= _heap[0]))
            {
                return;
            }

            Insert(key);
        }

        private void Insert(long key)
        {
            var heap = _heap;
            if (_count < _capacity)
            {
                var i = _count++;
                while (i > 0)
                {
                    var parent = (i - 1) >> 1;
                    if (heap[parent] >= key)
                    {
                        break;
                    }

                    heap[i] = heap[parent];
                    i = parent;
                }

                heap[i] = key;
                return;
            }

            var at = 0;
            while (true)
            {
                var child = (at * 2) + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && heap[child + 1] > heap[child])
                {
                    child++;
                }

                if (heap[child] <= key)
                {
                    break;
                }

                heap[at] = heap[child];
                at = child;
            }

            heap[at] = key;
        }

        public readonly Span<long> SortedKeys()
        {
            var keys = _heap.AsSpan(0, _count);
            keys.Sort();
            return keys;
        }

        public void Dispose()
        {
            if (_heap.Length > 0)
            {
                ArrayPool<long>.Shared.Return(_heap);
                _heap = [];
            }
        }
    }
}
