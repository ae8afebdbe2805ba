using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Voicemail;

/// <summary>Validates <see cref="VoicemailOptions"/> (at host start with <c>ValidateOnStart</c>).</summary>
internal sealed class VoicemailOptionsValidator : IValidateOptions<VoicemailOptions>
{
    public ValidateOptionsResult Validate(string? name, VoicemailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StorePath))
        {
            failures.Add($"{nameof(VoicemailOptions.StorePath)} must name a folder.");
        }

        if (options.MaxMessages < 1)
        {
            failures.Add($"{nameof(VoicemailOptions.MaxMessages)} must be at least 1 (was {options.MaxMessages}).");
        }

        if (options.MaxMessageLength <= Duration.Zero)
        {
            failures.Add($"{nameof(VoicemailOptions.MaxMessageLength)} must be positive (was {options.MaxMessageLength}).");
        }

        if (options.MaxAudioBytes < 1024)
        {
            failures.Add($"{nameof(VoicemailOptions.MaxAudioBytes)} must be at least 1024 (was {options.MaxAudioBytes}).");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? string.Empty) is null)
        {
            failures.Add($"{nameof(VoicemailOptions.TimeZone)} '{options.TimeZone}' is not a TZDB time zone id (such as America/New_York).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
