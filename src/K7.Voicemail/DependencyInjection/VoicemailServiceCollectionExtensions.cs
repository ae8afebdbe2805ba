using K7.Voicemail.Greetings;
using K7.Voicemail.Notifications;
using K7.Voicemail.Purging;
using K7.Voicemail.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Voicemail;

/// <summary>Registers K7.Voicemail with a service collection.</summary>
public static class VoicemailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the voicemail engine on embedded defaults: <see cref="VoicemailService"/>, a
    /// <see cref="FileSystemVoicemailStore"/> under <see cref="VoicemailOptions.StorePath"/>, in-memory settings, e-mails
    /// built by <see cref="VoicemailEmailBuilder"/> and written as <c>.eml</c> files to a pickup folder
    /// (<c>outbox</c> under the store), greetings in <c>greetings</c> under the store with espeak-ng text to speech, and
    /// the daily <see cref="TrashPurgeService"/>; the store is recovered when the host starts
    /// (<see cref="VoicemailRecoveryService"/>). Every part is registered with <c>TryAdd</c>: register your own
    /// <see cref="IVoicemailStore"/>, <see cref="IVoicemailSettingsStore"/>, <see cref="IEmailSender"/> (such as
    /// <see cref="SmtpEmailSender"/>), <see cref="ITextToSpeech"/> or <see cref="IGreetingRecorder"/> first to replace it.
    /// Options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// E-mail defaults when not configured: <c>From</c> = <c>voicemail@localhost</c>, links
    /// <c>http://localhost/messages/{Extension}/{MessageId}</c>; configure <see cref="VoicemailEmailOptions"/> with
    /// <c>services.Configure</c> for real mail.
    /// </remarks>
    public static IServiceCollection AddK7Voicemail(this IServiceCollection services, Action<VoicemailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VoicemailOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoicemailOptions>, VoicemailOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<VoicemailEmailOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoicemailEmailOptions>, VoicemailEmailOptionsValidator>());
        services.PostConfigure<VoicemailEmailOptions>(options =>
        {
            if (string.IsNullOrEmpty(options.From))
            {
                options.From = "voicemail@localhost";
            }

            if (string.IsNullOrEmpty(options.LinkTemplate))
            {
                options.LinkTemplate = "http://localhost/messages/{Extension}/{MessageId}";
            }
        });
        services.AddOptions<GreetingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GreetingOptions>, GreetingOptionsValidator>());
        services.AddOptions<PickupDirectoryEmailOptions>();
        services.AddSingleton<IPostConfigureOptions<PickupDirectoryEmailOptions>>(sp => new PostConfigureOptions<PickupDirectoryEmailOptions>(
            Options.DefaultName,
            options =>
            {
                if (string.IsNullOrEmpty(options.Directory))
                {
                    options.Directory = Path.Combine(sp.GetRequiredService<IOptions<VoicemailOptions>>().Value.StorePath, "outbox");
                }
            }));

#pragma warning disable RS0030 // The one place that may default to the system clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton<IVoicemailStore>(sp => new FileSystemVoicemailStore(
            sp.GetRequiredService<IOptions<VoicemailOptions>>().Value.StorePath,
            sp.GetRequiredService<IClock>(),
            sp.GetService<ILogger<FileSystemVoicemailStore>>()));
        services.TryAddSingleton<IVoicemailSettingsStore, InMemoryVoicemailSettingsStore>();
        services.TryAddSingleton(sp => new VoicemailEmailBuilder(sp.GetRequiredService<IOptions<VoicemailEmailOptions>>(), sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<IEmailSender>(sp => new PickupDirectoryEmailSender(sp.GetRequiredService<IOptions<PickupDirectoryEmailOptions>>()));
        services.TryAddSingleton<IGreetingStore>(sp => new FileSystemGreetingStore(Path.Combine(sp.GetRequiredService<IOptions<VoicemailOptions>>().Value.StorePath, "greetings")));
        services.TryAddSingleton<ITextToSpeech>(_ => new EspeakTextToSpeech());
        services.TryAddSingleton(sp => new GreetingLibrary(
            sp.GetRequiredService<IGreetingStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<GreetingOptions>>(),
            sp.GetService<ITextToSpeech>(),
            sp.GetService<IGreetingRecorder>()));
        services.TryAddSingleton(sp => new VoicemailService(
            sp.GetRequiredService<IVoicemailStore>(),
            sp.GetRequiredService<IVoicemailSettingsStore>(),
            sp.GetRequiredService<VoicemailEmailBuilder>(),
            sp.GetRequiredService<IEmailSender>(),
            sp.GetRequiredService<IOptions<VoicemailOptions>>(),
            sp.GetService<ILogger<VoicemailService>>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VoicemailOptions>>().Value;
            var schedule = new DailySchedule(options.TrashPurgeTime, DateTimeZoneProviders.Tzdb[options.TimeZone]);
            return new TrashPurgeService(sp.GetRequiredService<IVoicemailStore>(), schedule, sp.GetRequiredService<IClock>(), sp.GetService<ILogger<TrashPurgeService>>());
        });
        services.TryAddSingleton(sp => new VoicemailRecoveryService(sp.GetRequiredService<IVoicemailStore>(), sp.GetService<ILogger<VoicemailRecoveryService>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, VoicemailRecoveryService>(sp => sp.GetRequiredService<VoicemailRecoveryService>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TrashPurgeService>(sp => sp.GetRequiredService<TrashPurgeService>()));
        return services;
    }
}
