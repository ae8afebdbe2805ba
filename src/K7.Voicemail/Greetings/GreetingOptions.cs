using System.ComponentModel.DataAnnotations;

namespace K7.Voicemail.Greetings;

/// <summary>Limits applied by <see cref="GreetingLibrary"/>.</summary>
public sealed class GreetingOptions
{
    /// <summary>Gets or sets the largest accepted audio file, in bytes.</summary>
    /// <value>Default: 10 MB (10,485,760). Range 1 KB–1 GB.</value>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxAudioBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the longest accepted WAV greeting, in seconds (MP3 durations are not measured).</summary>
    /// <value>Default: 300. Range 1–3600.</value>
    [Range(1, 3600)]
    public int MaxDurationSeconds { get; set; } = 300;

    /// <summary>Gets or sets the most greetings one user may store.</summary>
    /// <value>Default: 20. Range 1–1000.</value>
    [Range(1, 1000)]
    public int MaxGreetingsPerExtension { get; set; } = 20;

    /// <summary>Gets or sets the longest greeting name, in characters.</summary>
    /// <value>Default: 64. Range 1–256.</value>
    [Range(1, 256)]
    public int MaxNameLength { get; set; } = 64;

    /// <summary>Gets or sets the longest text accepted for text to speech, in characters.</summary>
    /// <value>Default: 2000. Range 1–100,000.</value>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;
}
