using K7.Contacts.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace K7.Contacts.Tests;

public sealed class ContactsServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k7-contacts-di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddK7Contacts_Defaults_StartsWithSqliteStoreLoaded()
    {
        using var host = CreateHost(o => o.DatabasePath = Path.Combine(_folder, "contacts.db"));
        await host.StartAsync();
        var directory = host.Services.GetRequiredService<ContactDirectory>();
        Assert.True(directory.IsLoaded);
        Assert.IsType<SqliteContactStore>(host.Services.GetRequiredService<IContactStore>());
        var owner = ContactId.Parse("202");
        await directory.AddAsync(ContactActor.User(owner), new Contact { Id = default, FirstName = "Bob", WorkNumber = "5551231111" });
        Assert.Single(directory.Search(owner, new ContactQuery { Text = "bob" }).Items);
        var exported = host.Services.GetRequiredService<ContactExporter>().Export(owner, ContactGroup.MyContacts, K7.Contacts.Formats.ContactFileFormat.K7Csv);
        Assert.Contains("Bob", exported, StringComparison.Ordinal); // the exporter reads the same directory
        var imported = await host.Services.GetRequiredService<ContactImporter>().ImportTextAsync(ContactActor.User(owner), exported);
        Assert.Equal(1, imported.Unchanged); // and so does the importer
        await host.StopAsync();
    }

    [Fact]
    public async Task AddK7Contacts_OwnStoreRegisteredFirst_IsUsed()
    {
        var store = new InMemoryContactStore();
        using var host = CreateHost(null, services => services.AddSingleton<IContactStore>(store));
        await host.StartAsync();
        Assert.Same(store, host.Services.GetRequiredService<IContactStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task AddK7Contacts_UnknownRegion_FailsAtStart()
    {
        using var host = CreateHost(o => o.DefaultRegion = "XX", services => services.AddSingleton<IContactStore>(new InMemoryContactStore()));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("DefaultRegion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddK7Contacts_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddK7Contacts().AddK7Contacts();
        Assert.Single(services, d => d.ServiceType == typeof(ContactDirectory));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static IHost CreateHost(Action<ContactsOptions>? configure, Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateApplicationBuilder();
        before?.Invoke(builder.Services);
        builder.Services.AddK7Contacts(configure);
        return builder.Build();
    }
}
