using System.Text;
using K7.Contacts.Formats;
using K7.Contacts.Storage;
using Microsoft.Extensions.Options;

namespace K7.Contacts;

/// <summary>
/// Imports a contact file (our CSV template, Outlook CSV, Google CSV or vCard) into a <see cref="ContactDirectory"/>:
/// all or nothing, or skipping and reporting each bad row.
/// </summary>
/// <remarks>
/// <para>
/// Every row becomes a contact of the importing user: a personal contact, unless our template's <c>Type</c> column
/// says <c>Shared</c> or <c>User</c>, which only office managers may import ("Basic Users can only import contacts but
/// cannot import other users"). A user row is matched to an existing user by extension and updates it (the extension
/// never changes); other rows are added, except rows equal to a contact the importer already has (or to an earlier
/// row), which are counted as <see cref="ContactImportResult.Unchanged"/> so that importing a file twice adds nothing.
/// A row's favourite mark stars the contact for the importing user.
/// </para>
/// <para>
/// Every problem names its line and column: a value that is not a phone number or an e-mail address, a name too long,
/// a row an ordinary user may not import. Without <see cref="ContactImportOptions.SkipInvalidRows"/> one problem
/// refuses the whole file (<see cref="ContactFormatException"/> listing every problem) and nothing is stored; with it,
/// the good rows are stored in one change and the others reported. Either way the store gets one atomic change.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ContactImporter
{
    private const int ProgressEvery = 500;
    private const int MaxReportedProblems = 1000;

    private readonly ContactDirectory _directory;
    private readonly ContactsOptions _options;

    /// <summary>Initializes a new instance of the <see cref="ContactImporter"/> class.</summary>
    /// <param name="directory">Where contacts go.</param>
    /// <param name="options">The limits.</param>
    public ContactImporter(ContactDirectory directory, IOptions<ContactsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _options = options.Value;
    }

    /// <summary>Imports a file.</summary>
    /// <param name="actor">The user importing, and their role.</param>
    /// <param name="file">The file's bytes (read to the end, up to <see cref="ContactsOptions.MaxImportBytes"/>).</param>
    /// <param name="options">How to import, or <see langword="null"/> for all or nothing with the format told from the content.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is stored when cancelled before the final change.</param>
    /// <returns>What was added, updated, unchanged and skipped.</returns>
    /// <exception cref="ContactFormatException">
    /// The file cannot be read (not text, unknown format, broken quoting, too large…), or, without
    /// <see cref="ContactImportOptions.SkipInvalidRows"/>, rows have problems (<see cref="ContactFormatException.Errors"/>
    /// lists each). Nothing was stored.
    /// </exception>
    public async Task<ContactImportResult> ImportAsync(ContactActor actor, Stream file, ContactImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (actor.UserId.IsEmpty)
        {
            throw new ArgumentException("The importing user has no identifier.", nameof(actor));
        }

        options ??= new ContactImportOptions();
        var bytes = await ReadAllAsync(file, _options.MaxImportBytes, cancellationToken).ConfigureAwait(false);
        var text = ContactText.Decode(bytes, options.Encoding);
        return await ImportTextAsync(actor, text, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports a file already decoded to text.</summary>
    /// <param name="actor">The user importing, and their role.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="options">How to import (its <see cref="ContactImportOptions.Encoding"/> is not used).</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>What was added, updated, unchanged and skipped.</returns>
    /// <exception cref="ContactFormatException">As for <see cref="ImportAsync"/>.</exception>
    public async Task<ContactImportResult> ImportTextAsync(ContactActor actor, string text, ContactImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new ContactImportOptions();
        if (text.Length > _options.MaxImportBytes)
        {
            throw new ContactFormatException($"The file is larger than the {_options.MaxImportBytes:N0} bytes an import accepts.", 0);
        }

        var format = options.Format ?? ContactFiles.Detect(text) ?? throw new ContactFormatException(
            "Line 1: this is neither a vCard nor a CSV file with a header row that Outlook, Google or our template writes (First Name, Last Name, ...). Export from your address book as Outlook CSV, Google CSV or vCard, or start from our template.",
            1,
            1);

        var plan = new ImportPlan(_directory, actor);
        var progress = options.Progress;
        var rows = 0;
        using (var reader = new StringReader(text))
        {
            foreach (var record in ContactFiles.Read(reader, format, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++rows > _options.MaxImportRows)
                {
                    throw new ContactFormatException($"Line {record.Line}: the file holds more than the {_options.MaxImportRows:N0} rows an import accepts; split it.", record.Line);
                }

                plan.Add(record);
                if (plan.Problems.Count > MaxReportedProblems && !options.SkipInvalidRows)
                {
                    break;
                }

                if (progress is not null && rows % ProgressEvery == 0)
                {
                    progress.Report(new ContactImportProgress(ContactImportStage.Reading, rows, plan.Accepted, plan.RowsWithProblems));
                }
            }
        }

        progress?.Report(new ContactImportProgress(ContactImportStage.Reading, rows, plan.Accepted, plan.RowsWithProblems));
        if (plan.Problems.Count > 0 && !options.SkipInvalidRows)
        {
            throw new ContactFormatException(Summarize(plan.Problems), plan.Problems);
        }

        progress?.Report(new ContactImportProgress(ContactImportStage.Saving, rows, plan.Accepted, plan.RowsWithProblems));
        var upserts = plan.Upserts;
        if (upserts.Count > 0 || plan.Stars.Count > 0)
        {
            await _directory.ApplyImportAsync(upserts, plan.Stars, plan.FindExtensionConflict, cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new ContactImportProgress(ContactImportStage.Completed, rows, plan.Accepted, plan.RowsWithProblems));
        return new ContactImportResult
        {
            Format = format,
            RowsRead = rows,
            Added = plan.Added,
            Updated = plan.Updated,
            Unchanged = plan.Unchanged,
            Skipped = plan.Problems,
        };
    }

    private static string Summarize(List<ContactFileError> problems)
    {
        var text = new StringBuilder();
        text.Append(problems.Count == 1 ? "The file was not imported: " : $"The file was not imported ({problems.Count} problems): ");
        for (var i = 0; i < problems.Count && i < 3; i++)
        {
            text.Append(i == 0 ? string.Empty : "; ").Append(problems[i]);
        }

        if (problems.Count > 3)
        {
            text.Append("; …");
        }

        return text.Append('.').ToString();
    }

    private static async Task<byte[]> ReadAllAsync(Stream file, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await file.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                throw new ContactFormatException($"The file is larger than the {limit:N0} bytes an import accepts.", 0);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>The contacts an import will store, built row by row.</summary>
    private sealed class ImportPlan
    {
        private readonly ContactDirectory _directory;
        private readonly ContactActor _actor;
        private readonly HashSet<string> _fingerprints = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _userRowByExtension = new(StringComparer.Ordinal);
        private bool _existingLoaded;

        public ImportPlan(ContactDirectory directory, ContactActor actor)
        {
            _directory = directory;
            _actor = actor;
        }

        public List<Contact> Added { get; } = [];

        public List<Contact> Updated { get; } = [];

        public List<Contact> Upserts { get; } = [];

        public List<ContactFavorite> Stars { get; } = [];

        public List<ContactFileError> Problems { get; } = [];

        public int Accepted { get; private set; }

        public int Unchanged { get; private set; }

        public int RowsWithProblems { get; private set; }

        public void Add(ContactRecord record)
        {
            if (!record.Errors.IsDefaultOrEmpty)
            {
                RowsWithProblems++;
                Problems.AddRange(record.Errors);
                return;
            }

            var kind = record.Kind ?? ContactKind.Personal;
            if (kind != ContactKind.Personal && !_actor.IsOfficeManager)
            {
                Reject(record, ContactField.Kind, kind == ContactKind.User
                    ? "only office managers may import users; basic users import contacts"
                    : "only office managers may import shared contacts");
                return;
            }

            var existingUser = default(Contact);
            if (kind == ContactKind.User && record.Extension is { } extension)
            {
                var trimmed = extension.Trim();
                if (_userRowByExtension.TryGetValue(trimmed, out var firstLine))
                {
                    Reject(record, ContactField.Extension, $"extension {trimmed} is also on line {firstLine}");
                    return;
                }

                _userRowByExtension[trimmed] = record.Line;
                var holder = _directory.UserWithExtension(trimmed);
                existingUser = holder.IsEmpty ? null : _directory.Get(holder);
            }

            var draft = new Contact
            {
                Id = existingUser?.Id ?? ContactId.NewId(),
                Kind = kind,
                OwnerId = kind == ContactKind.Personal ? _actor.UserId : default,
                FirstName = record.FirstName ?? string.Empty,
                LastName = record.LastName ?? string.Empty,
                Extension = record.Extension,
                WorkNumber = record.WorkNumber,
                MobileNumber = record.MobileNumber,
                HomeNumber = record.HomeNumber,
                FaxNumber = record.FaxNumber,
                Email = record.Email,
                Site = record.Site,
                Department = record.Department,
                ListInDirectory = existingUser?.ListInDirectory ?? true,
            };

            if (!ContactRules.TryNormalize(draft, _directory.Numbers, out var contact, out var problem))
            {
                Reject(record, problem.Field, problem.Reason);
                return;
            }

            Accepted++;
            if (existingUser is not null)
            {
                if (Fingerprint(existingUser) == Fingerprint(contact))
                {
                    Unchanged++;
                    Star(record, existingUser.Id);
                    return;
                }

                Updated.Add(contact);
                Upserts.Add(contact);
                Star(record, contact.Id);
                return;
            }

            LoadExisting();
            if (!_fingerprints.Add(Fingerprint(contact)))
            {
                Unchanged++;
                return;
            }

            Added.Add(contact);
            Upserts.Add(contact);
            Star(record, contact.Id);
        }

        /// <summary>Checks, under the directory's write gate, that no new user takes an extension a user got meanwhile.</summary>
        public string? FindExtensionConflict(IReadOnlyList<Contact> upserts)
        {
            foreach (var contact in upserts)
            {
                if (contact.Kind == ContactKind.User && contact.Extension is not null)
                {
                    var holder = _directory.UserWithExtension(contact.Extension);
                    if (!holder.IsEmpty && holder != contact.Id)
                    {
                        return $"extension {contact.Extension} was given to another user during the import; import again";
                    }
                }
            }

            return null;
        }

        private static string Fingerprint(Contact c) => string.Join(
            '\u001F',
            (int)c.Kind,
            c.OwnerId.Value,
            c.FirstName,
            c.LastName,
            c.Extension,
            c.WorkNumber,
            c.MobileNumber,
            c.HomeNumber,
            c.FaxNumber,
            c.Email,
            c.Site,
            c.Department);

        private void Star(ContactRecord record, ContactId id)
        {
            if (record.Favorite)
            {
                Stars.Add(new ContactFavorite(_actor.UserId, id));
            }
        }

        private void Reject(ContactRecord record, ContactField field, string reason)
        {
            var source = record.SourceOf(field);
            RowsWithProblems++;
            Problems.Add(new ContactFileError(record.Line, source.Column, source.Column == 0 ? null : source.Name, reason));
        }

        private void LoadExisting()
        {
            if (_existingLoaded)
            {
                return;
            }

            _existingLoaded = true;
            foreach (var group in (ReadOnlySpan<ContactGroup>)[ContactGroup.MyContacts, ContactGroup.Shared])
            {
                foreach (var item in _directory.GetGroup(_actor.UserId, group))
                {
                    _fingerprints.Add(Fingerprint(item.Contact));
                }
            }
        }
    }
}
