using System.Collections.Concurrent;
using System.Collections.Frozen;
using K7.Contacts.Formats;
using K7.Contacts.Search;
using K7.Contacts.Storage;

namespace K7.Contacts;

/// <summary>
/// The contacts of a domain: the company directory (users), shared contacts, every user's personal contacts and
/// stars. Searches run in memory against an index; every change is written through to the <see cref="IContactStore"/>
/// first and becomes visible only once stored.
/// </summary>
/// <remarks>
/// <para>
/// Call <see cref="LoadAsync"/> once before use (<c>AddK7Contacts</c> does it when the host starts); searches and
/// reads before that throw <see cref="InvalidOperationException"/>.
/// </para>
/// <para>
/// Permissions follow the portal: a basic user changes their own personal contacts and stars, and their own directory
/// entry except its extension, kind, site and department; an office manager also creates, changes and removes users and
/// shared contacts. A user's extension never changes, and extensions are unique among users.
/// </para>
/// <para>
/// Thread-safe: searches run concurrently with each other and with changes; changes are applied one at a time.
/// </para>
/// </remarks>
public sealed class ContactDirectory : IDisposable
{
    private static readonly FrozenSet<ContactId> NoFavorites = FrozenSet<ContactId>.Empty;

    private readonly IContactStore _store;
    private readonly PresenceTracker _presence;
    private readonly ContactNumberNormalizer _numbers;
    private readonly ContactSearchIndex _index = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<ContactId, FrozenSet<ContactId>> _favorites = new();
    private readonly Dictionary<string, ContactId> _userByExtension = new(StringComparer.Ordinal);
    private volatile bool _loaded;

    /// <summary>Initializes a new instance of the <see cref="ContactDirectory"/> class.</summary>
    /// <param name="store">Where contacts are kept.</param>
    /// <param name="presence">The users' presence, shown in results and used by the status filter and the online-first order.</param>
    /// <param name="numbers">Normalizes phone numbers.</param>
    public ContactDirectory(IContactStore store, PresenceTracker presence, ContactNumberNormalizer numbers)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(presence);
        ArgumentNullException.ThrowIfNull(numbers);
        _store = store;
        _presence = presence;
        _numbers = numbers;
    }

    /// <summary>Gets a value indicating whether <see cref="LoadAsync"/> has completed.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>Gets the number of contacts of every kind.</summary>
    public int Count
    {
        get
        {
            EnsureLoaded();
            return _index.Count;
        }
    }

    /// <summary>Gets the presence tracker results are shown with.</summary>
    public PresenceTracker Presence => _presence;

    /// <summary>Gets the number normalizer the directory stores numbers with.</summary>
    public ContactNumberNormalizer Numbers => _numbers;

    /// <summary>Reads every contact and star from the store and builds the search index; does nothing when already loaded.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the directory is ready.</returns>
    /// <exception cref="InvalidDataException">The store holds a contact that breaks the rules (the message names it).</exception>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded)
            {
                return;
            }

            var snapshot = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            foreach (var contact in snapshot.Contacts)
            {
                if (contact.Kind == ContactKind.User && contact.Extension is not null
                    && !_userByExtension.TryAdd(contact.Extension, contact.Id))
                {
                    throw new InvalidDataException($"The store holds two users with extension {contact.Extension}: '{_userByExtension[contact.Extension]}' and '{contact.Id}'.");
                }

                _index.Set(contact);
            }

            foreach (var group in snapshot.Favorites.GroupBy(f => f.OwnerId))
            {
                _favorites[group.Key] = group.Select(f => f.ContactId).ToFrozenSet();
            }

            _loaded = true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Gets a contact by identifier, whoever may see it.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The contact, or <see langword="null"/>.</returns>
    public Contact? Get(ContactId id)
    {
        EnsureLoaded();
        return _index.Get(id);
    }

    /// <summary>Gets the user with an extension.</summary>
    /// <param name="extension">The extension.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    public Contact? FindUserByExtension(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        EnsureLoaded();
        lock (_userByExtension)
        {
            return _userByExtension.TryGetValue(extension, out var id) ? _index.Get(id) : null;
        }
    }

    /// <summary>Gets the contacts a user starred.</summary>
    /// <param name="owner">The user.</param>
    /// <returns>The starred contacts' identifiers.</returns>
    public IReadOnlySet<ContactId> GetFavorites(ContactId owner)
    {
        EnsureLoaded();
        return _favorites.TryGetValue(owner, out var set) ? set : NoFavorites;
    }

    /// <summary>Searches the contacts a user sees.</summary>
    /// <param name="viewer">The user searching.</param>
    /// <param name="query">The search.</param>
    /// <returns>A page of matches and the total count.</returns>
    public ContactSearchResult Search(ContactId viewer, ContactQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsureLoaded();
        return _index.Search(viewer, query, GetFavorites(viewer), _presence);
    }

    /// <summary>Adds a contact.</summary>
    /// <param name="actor">Who adds it.</param>
    /// <param name="contact">
    /// The contact. A personal contact without an owner gets the actor as owner; an empty <see cref="Contact.Id"/>
    /// gets a new one. Numbers are normalized and text trimmed.
    /// </param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns>The contact as stored.</returns>
    /// <exception cref="ContactValidationException">The contact breaks a rule, or its identifier or extension is taken.</exception>
    /// <exception cref="UnauthorizedAccessException">The actor may not add such a contact.</exception>
    public async Task<Contact> AddAsync(ContactActor actor, Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        EnsureLoaded();
        contact = Complete(actor, contact);
        var normalized = ContactRules.Normalize(contact, _numbers);
        CheckCanWrite(actor, normalized);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index.Get(normalized.Id) is not null)
            {
                throw new ContactValidationException("Id", $"a contact with identifier '{normalized.Id}' already exists", null);
            }

            CheckExtensionFree(normalized, null);
            await _store.ApplyAsync(new ContactChangeSet { Upserts = [normalized] }, cancellationToken).ConfigureAwait(false);
            Publish(normalized, null);
            return normalized;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Replaces a contact (found by <see cref="Contact.Id"/>) with a changed copy.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="contact">The changed contact.</param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns>The contact as stored.</returns>
    /// <exception cref="KeyNotFoundException">No contact has that identifier, or the actor does not see it.</exception>
    /// <exception cref="ContactValidationException">The change breaks a rule (a user's extension, kind or owner changed, among others).</exception>
    /// <exception cref="UnauthorizedAccessException">The actor may not change this contact or these fields.</exception>
    public async Task<Contact> UpdateAsync(ContactActor actor, Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        EnsureLoaded();
        var normalized = ContactRules.Normalize(contact, _numbers);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = _index.Get(normalized.Id);
            if (existing is null || !CanSee(actor, existing))
            {
                throw new KeyNotFoundException($"There is no contact '{normalized.Id}'.");
            }

            CheckUpdate(actor, existing, normalized);
            CheckExtensionFree(normalized, existing);
            await _store.ApplyAsync(new ContactChangeSet { Upserts = [normalized] }, cancellationToken).ConfigureAwait(false);
            Publish(normalized, existing);
            return normalized;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Removes a contact, the stars that point at it, and, for a user, their personal contacts and their own stars.
    /// </summary>
    /// <param name="actor">Who removes it.</param>
    /// <param name="id">The contact.</param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns><see langword="true"/> when removed; <see langword="false"/> when there was no such contact the actor sees.</returns>
    /// <exception cref="UnauthorizedAccessException">The actor may not remove this contact.</exception>
    public async Task<bool> RemoveAsync(ContactActor actor, ContactId id, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = _index.Get(id);
            if (existing is null || !CanSee(actor, existing))
            {
                return false;
            }

            CheckCanWrite(actor, existing);
            if (existing.Kind == ContactKind.User && existing.Id == actor.UserId)
            {
                throw new UnauthorizedAccessException("Users cannot remove themselves from the directory; turn off \"List in directory\" instead.");
            }

            var deletes = new List<ContactId> { id };
            var starsRemoved = new List<ContactFavorite>();
            foreach (var (owner, set) in _favorites)
            {
                if (set.Contains(id))
                {
                    starsRemoved.Add(new ContactFavorite(owner, id));
                }
            }

            if (existing.Kind == ContactKind.User)
            {
                var owned = _index.Search(id, new ContactQuery { Group = ContactGroup.MyContacts, Take = ContactQuery.MaxTake }, NoFavorites, _presence);
                foreach (var match in owned.Items)
                {
                    deletes.Add(match.Contact.Id);
                    foreach (var (owner, set) in _favorites)
                    {
                        if (set.Contains(match.Contact.Id))
                        {
                            starsRemoved.Add(new ContactFavorite(owner, match.Contact.Id));
                        }
                    }
                }

                if (_favorites.TryGetValue(id, out var own))
                {
                    starsRemoved.AddRange(own.Select(c => new ContactFavorite(id, c)));
                }
            }

            var distinctStars = starsRemoved.Distinct().ToList();
            await _store.ApplyAsync(new ContactChangeSet { Deletes = deletes, FavoritesRemoved = distinctStars }, cancellationToken).ConfigureAwait(false);
            foreach (var deleted in deletes)
            {
                var contact = _index.Get(deleted);
                _index.Remove(deleted);
                if (contact?.Kind == ContactKind.User && contact.Extension is not null)
                {
                    lock (_userByExtension)
                    {
                        _userByExtension.Remove(contact.Extension);
                    }
                }
            }

            ApplyStars([], distinctStars);
            if (existing.Kind == ContactKind.User)
            {
                _presence.Remove(id);
            }

            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Stars or unstars a contact for a user (the gold star of the Contacts dock).</summary>
    /// <param name="owner">The user.</param>
    /// <param name="contactId">The contact, which the user must see.</param>
    /// <param name="favorite"><see langword="true"/> to star, <see langword="false"/> to unstar.</param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns><see langword="true"/> when the star changed.</returns>
    /// <exception cref="KeyNotFoundException">No such contact the user sees.</exception>
    public async Task<bool> SetFavoriteAsync(ContactId owner, ContactId contactId, bool favorite, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var contact = _index.Get(contactId);
            if (contact is null || !contact.IsVisibleTo(owner))
            {
                throw new KeyNotFoundException($"There is no contact '{contactId}'.");
            }

            var isFavorite = GetFavorites(owner).Contains(contactId);
            if (isFavorite == favorite)
            {
                return false;
            }

            var star = new ContactFavorite(owner, contactId);
            var changes = favorite ? new ContactChangeSet { FavoritesAdded = [star] } : new ContactChangeSet { FavoritesRemoved = [star] };
            await _store.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
            ApplyStars(changes.FavoritesAdded, changes.FavoritesRemoved);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Gets every contact of a group a user sees, with their stars, in last-name order (for export).</summary>
    /// <param name="viewer">The user.</param>
    /// <param name="group">The group.</param>
    /// <param name="groupName">For sites and departments, one site or department, or <see langword="null"/> for all.</param>
    /// <returns>The contacts.</returns>
    public IReadOnlyList<ContactExportItem> GetGroup(ContactId viewer, ContactGroup group, string? groupName = null)
    {
        var result = Search(viewer, new ContactQuery { Group = group, GroupName = groupName, Take = ContactQuery.MaxTake });
        var items = new ContactExportItem[result.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new ContactExportItem(result.Items[i].Contact, result.Items[i].IsFavorite);
        }

        return items;
    }

    /// <summary>Releases the lock that serializes changes; the directory cannot be changed afterwards.</summary>
    public void Dispose() => _writeGate.Dispose();

    /// <summary>Applies an import's contacts and stars in one stored change set (the caller checked them).</summary>
    internal async Task ApplyImportAsync(IReadOnlyList<Contact> upserts, IReadOnlyList<ContactFavorite> stars, Func<IReadOnlyList<Contact>, string?> conflictCheck, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var conflict = conflictCheck(upserts);
            if (conflict is not null)
            {
                throw new ContactValidationException("Extension", conflict, null);
            }

            var newStars = stars.Where(s => !GetFavorites(s.OwnerId).Contains(s.ContactId)).Distinct().ToList();
            await _store.ApplyAsync(new ContactChangeSet { Upserts = upserts, FavoritesAdded = newStars }, cancellationToken).ConfigureAwait(false);
            foreach (var contact in upserts)
            {
                Publish(contact, _index.Get(contact.Id));
            }

            ApplyStars(newStars, []);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Gets the user using an extension, or default (for import checks, under the write gate).</summary>
    internal ContactId UserWithExtension(string extension)
    {
        lock (_userByExtension)
        {
            return _userByExtension.TryGetValue(extension, out var id) ? id : default;
        }
    }

    private static bool CanSee(ContactActor actor, Contact contact) =>
        contact.IsVisibleTo(actor.UserId) || (actor.IsOfficeManager && contact.Kind != ContactKind.Personal) || contact.Id == actor.UserId;

    private static void CheckCanWrite(ContactActor actor, Contact contact)
    {
        switch (contact.Kind)
        {
            case ContactKind.Personal when contact.OwnerId != actor.UserId:
                throw new UnauthorizedAccessException("Personal contacts belong to their owner; only they may change them.");
            case ContactKind.Shared when !actor.IsOfficeManager:
                throw new UnauthorizedAccessException("Only office managers may add, change or remove shared contacts.");
            case ContactKind.User when !actor.IsOfficeManager && contact.Id != actor.UserId:
                throw new UnauthorizedAccessException("Only office managers may add, change or remove users.");
            case ContactKind.User when !actor.IsOfficeManager:
                throw new UnauthorizedAccessException("Only office managers may add or remove users.");
            default:
                return;
        }
    }

    private static void CheckUpdate(ContactActor actor, Contact existing, Contact updated)
    {
        if (updated.Kind != existing.Kind)
        {
            throw new ContactValidationException("Kind", $"a contact's kind cannot change (it is {existing.Kind})", null);
        }

        if (updated.OwnerId != existing.OwnerId)
        {
            throw new ContactValidationException("OwnerId", "a personal contact's owner cannot change", null);
        }

        if (existing.Kind == ContactKind.User)
        {
            if (!string.Equals(updated.Extension, existing.Extension, StringComparison.Ordinal))
            {
                throw new ContactValidationException("Extension", $"a user's extension cannot change (it is {existing.Extension})", null);
            }

            if (!actor.IsOfficeManager)
            {
                if (existing.Id != actor.UserId)
                {
                    throw new UnauthorizedAccessException("Only office managers may change other users.");
                }

                if (!string.Equals(updated.Site, existing.Site, StringComparison.Ordinal)
                    || !string.Equals(updated.Department, existing.Department, StringComparison.Ordinal))
                {
                    throw new UnauthorizedAccessException("Only office managers may change a user's site or department.");
                }
            }

            return;
        }

        CheckCanWrite(actor, existing);
    }

    private static Contact Complete(ContactActor actor, Contact contact)
    {
        if (contact.Id.IsEmpty)
        {
            contact = contact with { Id = ContactId.NewId() };
        }

        if (contact.Kind == ContactKind.Personal && contact.OwnerId.IsEmpty)
        {
            contact = contact with { OwnerId = actor.UserId };
        }

        return contact;
    }

    private void CheckExtensionFree(Contact contact, Contact? existing)
    {
        if (contact.Kind != ContactKind.User || contact.Extension is null)
        {
            return;
        }

        var holder = UserWithExtension(contact.Extension);
        if (!holder.IsEmpty && holder != existing?.Id)
        {
            throw new ContactValidationException("Extension", $"extension {contact.Extension} is already used by {_index.Get(holder)?.DisplayName ?? holder.Value}", null);
        }
    }

    private void Publish(Contact contact, Contact? previous)
    {
        _index.Set(contact);
        if (contact.Kind == ContactKind.User && contact.Extension is not null)
        {
            lock (_userByExtension)
            {
                if (previous?.Extension is { } old && old != contact.Extension)
                {
                    _userByExtension.Remove(old);
                }

                _userByExtension[contact.Extension] = contact.Id;
            }
        }
    }

    private void ApplyStars(IReadOnlyList<ContactFavorite> added, IReadOnlyList<ContactFavorite> removed)
    {
        foreach (var owner in added.Select(s => s.OwnerId).Concat(removed.Select(s => s.OwnerId)).Distinct())
        {
            var set = new HashSet<ContactId>(GetFavorites(owner));
            foreach (var star in removed)
            {
                if (star.OwnerId == owner)
                {
                    set.Remove(star.ContactId);
                }
            }

            foreach (var star in added)
            {
                if (star.OwnerId == owner)
                {
                    set.Add(star.ContactId);
                }
            }

            if (set.Count == 0)
            {
                _favorites.TryRemove(owner, out _);
            }
            else
            {
                _favorites[owner] = set.ToFrozenSet();
            }
        }
    }

    private void EnsureLoaded()
    {
        if (!_loaded)
        {
            throw new InvalidOperationException("The contact directory is not loaded yet: await LoadAsync() first (AddK7Contacts loads it when the host starts).");
        }
    }
}
