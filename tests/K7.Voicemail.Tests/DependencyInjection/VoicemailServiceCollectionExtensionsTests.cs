using K7.Voicemail.Greetings;
using K7.Voicemail.Notifications;
using K7.Voicemail.Purging;
using K7.Voicemail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.DependencyInjection;

public sealed class VoicemailServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k7-vm-di-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private ServiceProvider Build(Action<VoicemailOptions>? configure = null, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 26, 12, 0)));
        before?.Invoke(services);
        services.AddK7Voicemail(o =>
        {
            o.StorePath = _folder;
            configure?.Invoke(o);
        });
        services.AddK7Voicemail();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddK7Voicemail_EmbeddedDefaults_ResolveEverything()
    {
        using var provider = Build();
        Assert.NotNull(provider.GetRequiredService<VoicemailService>());
        Assert.IsType<FileSystemVoicemailStore>(provider.GetRequiredService<IVoicemailStore>());
        Assert.IsType<PickupDirectoryEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.IsType<EspeakTextToSpeech>(provider.GetRequiredService<ITextToSpeech>());
        Assert.NotNull(provider.GetRequiredService<GreetingLibrary>());
        Assert.Equal(Path.Combine(_folder, "outbox"), provider.GetRequiredService<IOptions<PickupDirectoryEmailOptions>>().Value.Directory);
        Assert.Equal("voicemail@localhost", provider.GetRequiredService<IOptions<VoicemailEmailOptions>>().Value.From);
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Equal(2, hosted.Count);
        Assert.IsType<VoicemailRecoveryService>(hosted[0]);
        Assert.IsType<TrashPurgeService>(hosted[1]);
    }

    [Fact]
    public async Task AddK7Voicemail_HostStart_RecoversTheStore()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "202", "audio"));
        await File.WriteAllBytesAsync(Path.Combine(_folder, "202", "audio", "left-by-a-crash.tmp"), [1, 2, 3]);
        using var provider = Build();
        var recovery = provider.GetRequiredService<VoicemailRecoveryService>();
        await recovery.StartAsync(CancellationToken.None);
        Assert.NotNull(recovery.Report);
        Assert.Equal(1, recovery.Report.Mailboxes);
    }

    [Fact]
    public void AddK7Voicemail_PurgeScheduleFromOptions()
    {
        using var provider = Build(o =>
        {
            o.TrashPurgeTime = new LocalTime(4, 30);
            o.TimeZone = "Europe/Paris";
        });
        var purge = provider.GetRequiredService<TrashPurgeService>();
        Assert.Equal(new LocalTime(4, 30), purge.Schedule.TimeOfDay);
        Assert.Equal("Europe/Paris", purge.Schedule.Zone.Id);
    }

    [Fact]
    public void AddK7Voicemail_BadTimeZone_FailsValidation()
    {
        using var provider = Build(o => o.TimeZone = "Mars/Olympus");
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<VoicemailOptions>>().Value);
        Assert.Contains("Mars/Olympus", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddK7Voicemail_OwnSenderRegisteredFirst_Wins()
    {
        var own = new PickupDirectoryEmailSender(new PickupDirectoryEmailOptions { Directory = _folder });
        using var provider = Build(before: s => s.AddSingleton<IEmailSender>(own));
        Assert.Same(own, provider.GetRequiredService<IEmailSender>());
    }
}
