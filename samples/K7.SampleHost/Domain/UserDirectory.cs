using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using K7.SampleHost.Storage;

namespace K7.SampleHost.Domain;

/// <summary>
/// The users of the domain, kept in <c>domain.json</c>. Every change rewrites the file atomically before it shows, so a
/// killed process leaves the old users or the new ones; readers see an immutable snapshot and never wait for a writer.
/// </summary>
public sealed class UserDirectory
{
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly string _path;
    private readonly Lock _gate = new();
    private ImmutableSortedDictionary<string, PortalUser> _users = ImmutableSortedDictionary.Create<string, PortalUser>(StringComparer.Ordinal);

    // Phone (device name) → its user, rebuilt on every write: the registrar looks a phone up on every REGISTER.
    private FrozenDictionary<string, PortalUser> _phones = FrozenDictionary<string, PortalUser>.Empty;

    /// <summary>Initializes a new instance of the <see cref="UserDirectory"/> class and loads the users from <paramref name="path"/> when it exists.</summary>
    /// <exception cref="InvalidDataException">The file is not a domain file of this version.</exception>
    public UserDirectory(string path)
    {
        _path = path;
        if (File.Exists(path))
        {
            Load(File.ReadAllBytes(path));
        }
    }

    /// <summary>Raised after a user was added, changed or removed (and saved).</summary>
    public event EventHandler<PortalUser>? Changed;

    /// <summary>Every user, by extension.</summary>
    public IReadOnlyCollection<PortalUser> All => _users.Values.ToList();

    /// <summary>Finds a user by extension.</summary>
    public PortalUser? Find(string extension) => _users.GetValueOrDefault(extension);

    /// <summary>Finds a user by login name (case-insensitive) or, for convenience, by bare extension.</summary>
    public PortalUser? FindByLogin(string login)
    {
        ArgumentNullException.ThrowIfNull(login);
        var users = _users;
        if (users.TryGetValue(login, out var byExtension))
        {
            return byExtension;
        }

        return users.Values.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds the user that owns the phone named <paramref name="deviceName"/> and its SIP password.</summary>
    public (PortalUser User, string Password)? FindSipPassword(string deviceName) =>
        _phones.TryGetValue(deviceName, out var user) && user.SipPasswords.TryGetValue(deviceName, out var password) ? (user, password) : null;

    /// <summary>Adds a user (or replaces the one with the same extension) and saves.</summary>
    public void Put(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            var next = _users.SetItem(user.Extension, user);
            var phones = Phones(next);
            Save(next);
            (_users, _phones) = (next, phones);
        }

        Changed?.Invoke(this, user);
    }

    /// <summary>Changes one user and saves; the change is all or nothing.</summary>
    /// <param name="extension">The user.</param>
    /// <param name="change">Returns the changed user; it may throw to reject the change (nothing is saved).</param>
    /// <returns>The saved user.</returns>
    /// <exception cref="KeyNotFoundException">There is no such user.</exception>
    public PortalUser Update(string extension, Func<PortalUser, PortalUser> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        PortalUser changed;
        lock (_gate)
        {
            var current = _users.GetValueOrDefault(extension) ?? throw new KeyNotFoundException($"There is no user {extension}.");
            changed = change(current);
            if (changed.Extension != current.Extension)
            {
                throw new InvalidOperationException("A user's extension cannot change.");
            }

            var next = _users.SetItem(extension, changed);
            var phones = Phones(next);
            Save(next);
            (_users, _phones) = (next, phones);
        }

        Changed?.Invoke(this, changed);
        return changed;
    }

    /// <summary>Each phone's user; throws (before anything is saved) if two users claim one phone.</summary>
    private static FrozenDictionary<string, PortalUser> Phones(ImmutableSortedDictionary<string, PortalUser> users) =>
        users.Values
            .SelectMany(u => u.SipPasswords.Keys, (u, phone) => (Phone: phone, User: u))
            .ToFrozenDictionary(p => p.Phone, p => p.User, StringComparer.Ordinal);

    private void Save(ImmutableSortedDictionary<string, PortalUser> users)
    {
        var file = new DomainFile(FormatVersion, [.. users.Values]);
        AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(file, Json));
    }

    private void Load(byte[] content)
    {
        DomainFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DomainFile>(content, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{_path}: not a domain file ({e.Message}).", e);
        }

        if (file is null || file.Version != FormatVersion)
        {
            throw new InvalidDataException($"{_path}: expected a domain file of version {FormatVersion}.");
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<string, PortalUser>(StringComparer.Ordinal);
        foreach (var user in file.Users)
        {
            builder[user.Extension] = user with
            {
                SipPasswords = user.SipPasswords.WithComparers(StringComparer.Ordinal),
                Emails = user.Emails.IsDefault ? [] : user.Emails,
            };
        }

        var users = builder.ToImmutable();
        (_users, _phones) = (users, Phones(users));
    }

    private sealed record DomainFile(int Version, PortalUser[] Users);
}
