using Microsoft.Extensions.Hosting;

namespace K7.Contacts;

/// <summary>Loads the <see cref="ContactDirectory"/> when the host starts, so the first search does not wait.</summary>
internal sealed class ContactDirectoryLoader : IHostedService
{
    private readonly ContactDirectory _directory;

    public ContactDirectoryLoader(ContactDirectory directory) => _directory = directory;

    public Task StartAsync(CancellationToken cancellationToken) => _directory.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
