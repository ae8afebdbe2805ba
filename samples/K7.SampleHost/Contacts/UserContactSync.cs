using K7.Contacts;
using K7.SampleHost.Domain;

namespace K7.SampleHost.Contacts;

/// <summary>
/// Keeps each user of the domain in the contact directory as a user contact (extension, names, first e-mail address,
/// "List in directory"): every user at start, then each user the <see cref="UserDirectory"/> reports changed.
/// </summary>
internal sealed partial class UserContactSync(ContactDirectory directory, UserDirectory users, ILogger<UserContactSync> logger) : IHostedService, IDisposable
{
    private bool _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_subscribed)
        {
            users.Changed += OnUserChanged;
            _subscribed = true;
        }

        await directory.LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var user in users.All)
        {
            await TrySyncAsync(user, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        if (_subscribed)
        {
            users.Changed -= OnUserChanged;
            _subscribed = false;
        }
    }

    /// <summary>Adds or updates the user's contact so it shows what the profile says.</summary>
    /// <returns>The user's contact as stored.</returns>
    public async Task<Contact> SyncAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await directory.LoadAsync(cancellationToken).ConfigureAwait(false);
        var id = ContactId.Parse(user.Extension);
        var actor = ContactActor.OfficeManager(id);
        var email = user.Emails.IsDefaultOrEmpty ? null : user.Emails[0];
        var existing = directory.FindUserByExtension(user.Extension) ?? directory.Get(id);
        if (existing is null)
        {
            return await directory.AddAsync(
                actor,
                new Contact
                {
                    Id = id,
                    Kind = ContactKind.User,
                    FirstName = user.FirstName,
                    LastName = user.LastName,
                    Extension = user.Extension,
                    Email = email,
                    ListInDirectory = user.ListInDirectory,
                },
                cancellationToken).ConfigureAwait(false);
        }

        var wanted = existing with { FirstName = user.FirstName, LastName = user.LastName, Email = email, ListInDirectory = user.ListInDirectory };
        return wanted == existing ? existing : await directory.UpdateAsync(actor, wanted, cancellationToken).ConfigureAwait(false);
    }

    private void OnUserChanged(object? sender, PortalUser user)
    {
        if (!directory.IsLoaded)
        {
            return; // StartAsync brings every user in once the directory is loaded
        }

        // The profile change is saved; its contact follows before the request answers.
        TrySyncAsync(user, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task TrySyncAsync(PortalUser user, CancellationToken cancellationToken)
    {
        try
        {
            await SyncAsync(user, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ContactValidationException or ContactFormatException or UnauthorizedAccessException or IOException or InvalidOperationException)
        {
            Log.NotSynced(logger, e, user.Extension);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The contact of user {Extension} could not be brought in step with the profile")]
        public static partial void NotSynced(ILogger logger, Exception exception, string extension);
    }
}
