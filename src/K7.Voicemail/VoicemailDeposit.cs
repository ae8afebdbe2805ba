using NodaTime;

namespace K7.Voicemail;

/// <summary>What a depositor says about a new voicemail message (the audio is passed separately, as a stream).</summary>
public sealed record VoicemailDeposit
{
    /// <summary>The longest caller number accepted, in characters.</summary>
    public const int MaxCallerNumberLength = 64;

    /// <summary>The longest caller name accepted, in characters.</summary>
    public const int MaxCallerNameLength = 128;

    /// <summary>The longest audio format name accepted, in characters.</summary>
    public const int MaxAudioFormatLength = 32;

    /// <summary>Gets the caller's number as signalled; empty when the caller withheld it.</summary>
    public required string CallerNumber { get; init; }

    /// <summary>Gets the caller's display name, or <see langword="null"/>.</summary>
    public string? CallerName { get; init; }

    /// <summary>Gets when the call was answered by voicemail.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Gets the length of the recording; zero or more.</summary>
    public required Duration Duration { get; init; }

    /// <summary>Gets the audio format name (<c>pcm</c>, <c>mulaw</c>, <c>alaw</c>, <c>wav</c>…): 1 to 32 ASCII letters, digits, <c>-</c>, <c>_</c> or <c>/</c>.</summary>
    /// <value>Stored as given; stores do not convert audio.</value>
    public required string AudioFormat { get; init; }

    /// <summary>Checks every field and throws an <see cref="ArgumentException"/> naming the first that is not acceptable.</summary>
    /// <exception cref="ArgumentException">A field is out of range or holds control characters.</exception>
    public void Validate()
    {
        CheckText(CallerNumber, MaxCallerNumberLength, nameof(CallerNumber), allowEmpty: true);
        if (CallerName is not null)
        {
            CheckText(CallerName, MaxCallerNameLength, nameof(CallerName), allowEmpty: true);
        }

        if (Duration < Duration.Zero)
        {
            throw new ArgumentException($"{nameof(VoicemailDeposit)}.{nameof(Duration)} must not be negative (was {Duration}).", nameof(Duration));
        }

        var format = AudioFormat;
        if (string.IsNullOrEmpty(format) || format.Length > MaxAudioFormatLength)
        {
            throw new ArgumentException($"{nameof(VoicemailDeposit)}.{nameof(AudioFormat)} must be 1 to {MaxAudioFormatLength} characters.", nameof(AudioFormat));
        }

        foreach (var c in format)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '/')
            {
                throw new ArgumentException($"{nameof(VoicemailDeposit)}.{nameof(AudioFormat)} '{format}' may hold only ASCII letters, digits, '-', '_' and '/'.", nameof(AudioFormat));
            }
        }
    }

    private static void CheckText(string? value, int maxLength, string name, bool allowEmpty)
    {
        if (value is null)
        {
            throw new ArgumentException($"{nameof(VoicemailDeposit)}.{name} must not be null.", name);
        }

        if ((!allowEmpty && value.Length == 0) || value.Length > maxLength)
        {
            throw new ArgumentException($"{nameof(VoicemailDeposit)}.{name} must be at most {maxLength} characters (was {value.Length}).", name);
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                throw new ArgumentException($"{nameof(VoicemailDeposit)}.{name} holds a control character at {i}.", name);
            }
        }
    }
}
