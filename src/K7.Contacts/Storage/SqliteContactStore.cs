using System.Globalization;
using Microsoft.Data.Sqlite;

namespace K7.Contacts.Storage;

/// <summary>A store that keeps contacts and favourites in one SQLite database file.</summary>
/// <remarks>
/// <para>
/// The constructor does no I/O. The first <see cref="LoadAsync"/> or <see cref="ApplyAsync"/> creates the file's
/// folder if it is missing, opens (or creates) the database, checks its schema version and creates the tables; any
/// problem with the file therefore surfaces from that first call. The connection then stays open until
/// <see cref="Dispose"/>.
/// </para>
/// <para>
/// Durability: the database runs in write-ahead-log mode (<c>journal_mode=WAL</c>) with <c>synchronous=FULL</c>, so
/// the log is flushed to the disk before a commit returns. A change set that <see cref="ApplyAsync"/> has stored
/// therefore survives a killed process and a power cut, and one that was still being written when either happened
/// leaves no trace: SQLite discards an uncommitted transaction when the database is next opened. (With
/// <c>synchronous=NORMAL</c>, the usual setting for WAL mode, a killed process loses nothing either, but a power cut
/// may lose the last commits.)
/// </para>
/// <para>
/// Text is stored as UTF-8, which cannot represent an unpaired UTF-16 surrogate; <see cref="ApplyAsync"/> refuses
/// such text rather than store something else than it was given. Every other string, including <see langword="null"/>,
/// the empty string and embedded NUL characters, is read back exactly as written.
/// </para>
/// <para>
/// Thread-safety: the <see cref="IContactStore"/> contract has callers apply one change set at a time; this class
/// also serialises calls itself, so concurrent calls wait for each other instead of corrupting anything. The work runs
/// on the calling thread: SQLite has no asynchronous I/O.
/// </para>
/// </remarks>
public sealed class SqliteContactStore : IContactStore, IDisposable
{
    /// <summary>The schema version this code writes and reads, kept in the database's <c>PRAGMA user_version</c>.</summary>
    private const int SchemaVersion = 1;

    // The NOTADB and CORRUPT result codes of SQLite: the file is not a database, or a damaged one.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private const string CreateSchemaSql = """
        CREATE TABLE IF NOT EXISTS contacts (
            id TEXT NOT NULL PRIMARY KEY,
            kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
            owner_id TEXT NULL,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL,
            extension TEXT NULL,
            work_number TEXT NULL,
            mobile_number TEXT NULL,
            home_number TEXT NULL,
            fax_number TEXT NULL,
            email TEXT NULL,
            site TEXT NULL,
            department TEXT NULL,
            list_in_directory INTEGER NOT NULL CHECK (list_in_directory IN (0, 1))
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS favorites (
            owner_id TEXT NOT NULL,
            contact_id TEXT NOT NULL,
            PRIMARY KEY (owner_id, contact_id)
        ) WITHOUT ROWID;
        PRAGMA user_version = 1;
        """;

    private const string UpsertSql = """
        INSERT INTO contacts (id, kind, owner_id, first_name, last_name, extension, work_number, mobile_number,
                              home_number, fax_number, email, site, department, list_in_directory)
        VALUES ($id, $kind, $owner_id, $first_name, $last_name, $extension, $work_number, $mobile_number,
                $home_number, $fax_number, $email, $site, $department, $list_in_directory)
        ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, owner_id = excluded.owner_id, first_name = excluded.first_name,
            last_name = excluded.last_name, extension = excluded.extension, work_number = excluded.work_number,
            mobile_number = excluded.mobile_number, home_number = excluded.home_number,
            fax_number = excluded.fax_number, email = excluded.email, site = excluded.site,
            department = excluded.department, list_in_directory = excluded.list_in_directory
        """;

    private const string SelectContactsSql = """
        SELECT id, kind, owner_id, first_name, last_name, extension, work_number, mobile_number, home_number,
               fax_number, email, site, department, list_in_directory
        FROM contacts ORDER BY id
        """;

    private static readonly string[] ContactColumns =
    [
        "id", "kind", "owner_id", "first_name", "last_name", "extension", "work_number", "mobile_number",
        "home_number", "fax_number", "email", "site", "department", "list_in_directory",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private Statements? _statements;
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="SqliteContactStore"/> class.</summary>
    /// <param name="path">
    /// The database file, created with its folder on first use if missing. A relative path is resolved against the
    /// current directory now.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    public SqliteContactStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        DatabasePath = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc/>
    /// <remarks>Contacts come back ordered by identifier, favourites by owner and then contact.</remarks>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer version (a higher schema version).</exception>
    /// <exception cref="InvalidDataException">The file is not a SQLite database, or holds a value this code cannot read.</exception>
    /// <exception cref="IOException">The database cannot be opened or read.</exception>
    public async ValueTask<ContactStoreSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = EnsureOpen();
            try
            {
                var contacts = ReadContacts(connection, cancellationToken);
                var favorites = ReadFavorites(connection);
                return new ContactStoreSnapshot(contacts, favorites);
            }
            catch (SqliteException ex)
            {
                throw Wrap(ex, "read");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para>
    /// The whole change set is one transaction: removals, then cleared stars, then upserts, then set stars. Upserting a
    /// contact replaces every field of a stored one with the same identifier; setting a star that is already set, or
    /// clearing or removing something absent, does nothing. If anything fails, the transaction is rolled back and the
    /// exception rethrown: the store is as it was before the call.
    /// </para>
    /// <para>
    /// Cancellation is observed once, just before the commit (the work done until then is rolled back); once the
    /// commit has begun, the change set is stored.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The change set holds a <see langword="null"/> contact, an empty identifier, an undefined
    /// <see cref="ContactKind"/>, a <see langword="null"/> first or last name, or text with an unpaired surrogate.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the commit.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer version (a higher schema version).</exception>
    /// <exception cref="InvalidDataException">The file is not a SQLite database.</exception>
    /// <exception cref="IOException">The database cannot be opened.</exception>
    /// <exception cref="SqliteException">SQLite failed to store the changes (for example, the disk is full).</exception>
    public async ValueTask ApplyAsync(ContactChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = EnsureOpen();
            if (changes.IsEmpty)
            {
                return;
            }

            Apply(connection, _statements!, changes, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the database; the file can then be moved, deleted or opened again.</summary>
    /// <remarks>Waits for a call in progress to finish. Later calls throw <see cref="ObjectDisposedException"/>.</remarks>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Close();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Apply(SqliteConnection connection, Statements statements, ContactChangeSet changes, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            statements.Enlist(transaction);

            foreach (var id in changes.Deletes)
            {
                statements.DeleteContactId.Value = RequireId(id, "Deletes");
                statements.DeleteContact.ExecuteNonQuery();
            }

            foreach (var favorite in changes.FavoritesRemoved)
            {
                statements.DeleteFavoriteOwner.Value = RequireId(favorite.OwnerId, "FavoritesRemoved");
                statements.DeleteFavoriteContact.Value = RequireId(favorite.ContactId, "FavoritesRemoved");
                statements.DeleteFavorite.ExecuteNonQuery();
            }

            foreach (var contact in changes.Upserts)
            {
                statements.BindUpsert(contact);
                statements.Upsert.ExecuteNonQuery();
            }

            foreach (var favorite in changes.FavoritesAdded)
            {
                statements.AddFavoriteOwner.Value = RequireId(favorite.OwnerId, "FavoritesAdded");
                statements.AddFavoriteContact.Value = RequireId(favorite.ContactId, "FavoritesAdded");
                statements.AddFavorite.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        catch
        {
            try
            {
                transaction.Rollback();
            }
            catch (SqliteException)
            {
                // SQLite already rolled back (it does so by itself after some errors, such as a full disk).
            }
            catch (InvalidOperationException)
            {
                // The transaction had completed: the commit failed after SQLite ended it.
            }

            throw;
        }
    }

    private static string RequireId(ContactId id, string list)
    {
        if (id.IsEmpty)
        {
            throw InvalidChange($"The change set's {list} holds an empty contact identifier.");
        }

        return id.Value;
    }

    /// <summary>An exception for a bad entry of the change set given to <see cref="ApplyAsync"/>.</summary>
    private static ArgumentException InvalidChange(string message, string paramName = "changes") => new(message, paramName);

    private static List<Contact> ReadContacts(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var contacts = new List<Contact>();
        using var command = connection.CreateCommand();
        command.CommandText = SelectContactsSql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if ((contacts.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = ReadId(reader, 0, null);
            var kind = ReadInteger(reader, 1, id);
            if (kind is < (long)ContactKind.Personal or > (long)ContactKind.User)
            {
                throw BadValue(id, 1, kind.ToString(CultureInfo.InvariantCulture), "it is not a known contact kind");
            }

            var listInDirectory = ReadInteger(reader, 13, id);
            if (listInDirectory is not (0 or 1))
            {
                throw BadValue(id, 13, listInDirectory.ToString(CultureInfo.InvariantCulture), "it is neither 0 nor 1");
            }

            contacts.Add(new Contact
            {
                Id = id,
                Kind = (ContactKind)kind,
                OwnerId = reader.IsDBNull(2) ? default : ReadId(reader, 2, id),
                FirstName = ReadText(reader, 3, id) ?? throw BadValue(id, 3, "NULL", "a name cannot be NULL"),
                LastName = ReadText(reader, 4, id) ?? throw BadValue(id, 4, "NULL", "a name cannot be NULL"),
                Extension = ReadText(reader, 5, id),
                WorkNumber = ReadText(reader, 6, id),
                MobileNumber = ReadText(reader, 7, id),
                HomeNumber = ReadText(reader, 8, id),
                FaxNumber = ReadText(reader, 9, id),
                Email = ReadText(reader, 10, id),
                Site = ReadText(reader, 11, id),
                Department = ReadText(reader, 12, id),
                ListInDirectory = listInDirectory == 1,
            });
        }

        return contacts;
    }

    private static List<ContactFavorite> ReadFavorites(SqliteConnection connection)
    {
        var favorites = new List<ContactFavorite>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner_id, contact_id FROM favorites ORDER BY owner_id, contact_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var owner = reader.IsDBNull(0) ? null : reader.GetString(0);
            var contact = reader.IsDBNull(1) ? null : reader.GetString(1);
            if (!ContactId.TryParse(owner, out var ownerId) || !ContactId.TryParse(contact, out var contactId))
            {
                throw new InvalidDataException(
                    $"The contact store holds a favourite that is not a pair of contact identifiers: owner_id '{owner ?? "NULL"}', contact_id '{contact ?? "NULL"}'.");
            }

            favorites.Add(new ContactFavorite(ownerId, contactId));
        }

        return favorites;
    }

    private static ContactId ReadId(SqliteDataReader reader, int ordinal, ContactId? row)
    {
        var text = reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
        if (!ContactId.TryParse(text, out var id))
        {
            throw BadValue(row, ordinal, text ?? "NULL", "it is not a contact identifier");
        }

        return id;
    }

    private static long ReadInteger(SqliteDataReader reader, int ordinal, ContactId row)
    {
        if (reader.GetFieldType(ordinal) != typeof(long))
        {
            throw BadValue(row, ordinal, reader.IsDBNull(ordinal) ? "NULL" : reader.GetString(ordinal), "it is not an integer");
        }

        return reader.GetInt64(ordinal);
    }

    private static string? ReadText(SqliteDataReader reader, int ordinal, ContactId row)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        if (reader.GetFieldType(ordinal) != typeof(string))
        {
            throw BadValue(row, ordinal, reader.GetString(ordinal), "it is not text");
        }

        return reader.GetString(ordinal);
    }

    private static InvalidDataException BadValue(ContactId? row, int ordinal, string value, string reason)
    {
        var where = row is { } id ? $"contact '{id}'" : "a contact";
        return new InvalidDataException($"The contact store holds an invalid {ContactColumns[ordinal]} for {where}: '{value}' ({reason}).");
    }

    private static int ReadUserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection EnsureOpen()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,

            // One connection lives as long as the store; without a pool, closing it really closes the file.
            Pooling = false,
        };

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            var folder = System.IO.Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            connection.Open();

            // Read the version before changing anything, so that a newer database or a foreign file stays untouched.
            var version = ReadUserVersion(connection);
            if (version > SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"The contact store '{DatabasePath}' has schema version {version}, written by a newer version of K7.Contacts; this version reads schema version {SchemaVersion} only.");
            }

            if (version < 0)
            {
                throw new InvalidDataException($"The contact store '{DatabasePath}' has an invalid schema version {version}.");
            }

            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = FULL");
            if (version < SchemaVersion)
            {
                using var transaction = connection.BeginTransaction();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = CreateSchemaSql;
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
            }

            _statements = new Statements(connection);
            _connection = connection;
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Wrap(ex, "open");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private Exception Wrap(SqliteException ex, string action) => ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt
        ? new InvalidDataException($"The contact store '{DatabasePath}' is not a SQLite database or is damaged: {ex.Message}", ex)
        : new IOException($"Could not {action} the contact store '{DatabasePath}': {ex.Message}", ex);

    private void Close()
    {
        _statements?.Dispose();
        _statements = null;
        if (_connection is not null)
        {
            SqliteConnection.ClearPool(_connection);
            _connection.Dispose();
            _connection = null;
        }
    }

    /// <summary>The commands of <see cref="ApplyAsync"/>, prepared once and reused with new parameter values.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteParameter[] _upsertParameters;

        public Statements(SqliteConnection connection)
        {
            DeleteContact = Create(connection, "DELETE FROM contacts WHERE id = $id");
            DeleteContactId = DeleteContact.Parameters.Add("$id", SqliteType.Text);
            DeleteFavorite = Create(connection, "DELETE FROM favorites WHERE owner_id = $owner_id AND contact_id = $contact_id");
            DeleteFavoriteOwner = DeleteFavorite.Parameters.Add("$owner_id", SqliteType.Text);
            DeleteFavoriteContact = DeleteFavorite.Parameters.Add("$contact_id", SqliteType.Text);
            AddFavorite = Create(connection, "INSERT OR IGNORE INTO favorites (owner_id, contact_id) VALUES ($owner_id, $contact_id)");
            AddFavoriteOwner = AddFavorite.Parameters.Add("$owner_id", SqliteType.Text);
            AddFavoriteContact = AddFavorite.Parameters.Add("$contact_id", SqliteType.Text);
            Upsert = Create(connection, UpsertSql);
            _upsertParameters = new SqliteParameter[ContactColumns.Length];
            for (var i = 0; i < ContactColumns.Length; i++)
            {
                var type = i is 1 or 13 ? SqliteType.Integer : SqliteType.Text;
                _upsertParameters[i] = Upsert.Parameters.Add("$" + ContactColumns[i], type);
            }

            foreach (var command in new[] { DeleteContact, DeleteFavorite, AddFavorite, Upsert })
            {
                command.Prepare();
            }
        }

        public SqliteCommand DeleteContact { get; }

        public SqliteParameter DeleteContactId { get; }

        public SqliteCommand DeleteFavorite { get; }

        public SqliteParameter DeleteFavoriteOwner { get; }

        public SqliteParameter DeleteFavoriteContact { get; }

        public SqliteCommand AddFavorite { get; }

        public SqliteParameter AddFavoriteOwner { get; }

        public SqliteParameter AddFavoriteContact { get; }

        public SqliteCommand Upsert { get; }

        public void Enlist(SqliteTransaction transaction)
        {
            DeleteContact.Transaction = transaction;
            DeleteFavorite.Transaction = transaction;
            AddFavorite.Transaction = transaction;
            Upsert.Transaction = transaction;
        }

        public void BindUpsert(Contact contact)
        {
            if (contact is null)
            {
                throw InvalidChange("The change set's Upserts holds a null contact.");
            }

            var id = RequireId(contact.Id, "Upserts");
            if (contact.Kind is < ContactKind.Personal or > ContactKind.User)
            {
                throw InvalidChange($"Contact '{id}' has an undefined kind {(int)contact.Kind}.");
            }

            var p = _upsertParameters;
            p[0].Value = id;
            p[1].Value = (long)contact.Kind;
            p[2].Value = contact.OwnerId.IsEmpty ? DBNull.Value : contact.OwnerId.Value;
            p[3].Value = Text(contact, 3, contact.FirstName) ?? throw InvalidChange($"Contact '{id}' has a null first name.");
            p[4].Value = Text(contact, 4, contact.LastName) ?? throw InvalidChange($"Contact '{id}' has a null last name.");
            p[5].Value = Text(contact, 5, contact.Extension) ?? (object)DBNull.Value;
            p[6].Value = Text(contact, 6, contact.WorkNumber) ?? (object)DBNull.Value;
            p[7].Value = Text(contact, 7, contact.MobileNumber) ?? (object)DBNull.Value;
            p[8].Value = Text(contact, 8, contact.HomeNumber) ?? (object)DBNull.Value;
            p[9].Value = Text(contact, 9, contact.FaxNumber) ?? (object)DBNull.Value;
            p[10].Value = Text(contact, 10, contact.Email) ?? (object)DBNull.Value;
            p[11].Value = Text(contact, 11, contact.Site) ?? (object)DBNull.Value;
            p[12].Value = Text(contact, 12, contact.Department) ?? (object)DBNull.Value;
            p[13].Value = contact.ListInDirectory ? 1L : 0L;
        }

        public void Dispose()
        {
            DeleteContact.Dispose();
            DeleteFavorite.Dispose();
            AddFavorite.Dispose();
            Upsert.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            return command;
        }

        private static string? Text(Contact contact, int ordinal, string? value)
        {
            // UTF-8 cannot hold an unpaired surrogate: SQLite would store U+FFFD instead, and the contact would not
            // read back as written.
            if (value is not null && value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && !IsWellFormed(value))
            {
                throw InvalidChange(
                    $"Contact '{contact.Id}' has an unpaired surrogate in {ContactColumns[ordinal]}; only well-formed UTF-16 text can be stored.");
            }

            return value;
        }

        private static bool IsWellFormed(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(value[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
