using K7.Voicemail.Audio;
using K7.Voicemail.Settings;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Voicemail.Greetings;

/// <summary>Manages each user's greetings (several, zero or one active) and recorded name (at most one), checking every rule.</summary>
/// <remarks>
/// <para>Audio is accepted from an upload, from text to speech or from a recording call, and is always checked by
/// content: it must be a WAV file that <see cref="WavReader"/> accepts or an MP3 file that <see cref="AudioSniffer"/>
/// recognises, at most <see cref="GreetingOptions.MaxAudioBytes"/> long and, for WAV, at most
/// <see cref="GreetingOptions.MaxDurationSeconds"/>. Refusals throw <see cref="VoicemailValidationException"/>.</para>
/// <para>Deleting the active greeting leaves no greeting active; the library never picks another one by itself.</para>
/// <para>Thread-safe: changes are serialized, so name uniqueness and the per-user limit hold under concurrency.</para>
/// </remarks>
public sealed class GreetingLibrary : IDisposable
{
    private readonly IGreetingStore _store;
    private readonly IClock _clock;
    private readonly GreetingOptions _options;
    private readonly ITextToSpeech? _textToSpeech;
    private readonly IGreetingRecorder? _recorder;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Initializes a new instance of the <see cref="GreetingLibrary"/> class.</summary>
    /// <param name="store">Where greetings are kept.</param>
    /// <param name="clock">Gives the creation times.</param>
    /// <param name="options">Limits.</param>
    /// <param name="textToSpeech">The speech engine, or <see langword="null"/> when text to speech is not offered.</param>
    /// <param name="recorder">The call recorder, or <see langword="null"/> when recording by phone is not offered.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public GreetingLibrary(IGreetingStore store, IClock clock, IOptions<GreetingOptions> options, ITextToSpeech? textToSpeech = null, IGreetingRecorder? recorder = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        ArgumentNullException.ThrowIfNull(value, nameof(options));
        GreetingOptionsValidator.ThrowIfInvalid(value);
        _store = store;
        _clock = clock;
        _options = value;
        _textToSpeech = textToSpeech;
        _recorder = recorder;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <summary>Lists the greetings of a user, oldest first.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The greetings.</returns>
    public Task<IReadOnlyList<Greeting>> ListAsync(string extension, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.ListGreetingsAsync(extension, cancellationToken);
    }

    /// <summary>Gets the active greeting.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The active greeting, or <see langword="null"/> when none is active (callers then play a system greeting).</returns>
    public async Task<Greeting?> GetActiveAsync(string extension, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        if (await _store.GetActiveGreetingIdAsync(extension, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return null;
        }

        var all = await _store.ListGreetingsAsync(extension, cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(g => g.Id == id);
    }

    /// <summary>Adds a greeting from an uploaded file.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="name">The greeting name.</param>
    /// <param name="content">The file; read to its end (at most <see cref="GreetingOptions.MaxAudioBytes"/> + 1 bytes), not disposed.</param>
    /// <param name="activate">Whether to make it the active greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored greeting.</returns>
    /// <exception cref="VoicemailValidationException">The name, the content or the per-user limit refuses it.</exception>
    public async Task<Greeting> AddUploadAsync(string extension, string name, Stream content, bool activate = false, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        ArgumentNullException.ThrowIfNull(content);
        var audio = await ReadLimitedAsync(content, cancellationToken).ConfigureAwait(false);
        return await AddAsync(extension, name, audio, GreetingSource.Upload, null, null, activate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a greeting synthesized from text.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="name">The greeting name.</param>
    /// <param name="text">The text to speak (at most <see cref="GreetingOptions.MaxTextLength"/> characters).</param>
    /// <param name="voice">The voice, or <see langword="null"/> for the engine's default.</param>
    /// <param name="activate">Whether to make it the active greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored greeting.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="ITextToSpeech"/> was given.</exception>
    /// <exception cref="VoicemailValidationException">The name, the text, the synthesized audio or the per-user limit refuses it.</exception>
    public async Task<Greeting> AddTextToSpeechAsync(string extension, string name, string text, string? voice = null, bool activate = false, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        CheckName(name);
        var audio = await SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false);
        return await AddAsync(extension, name, audio, GreetingSource.TextToSpeech, text, voice, activate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a greeting recorded on a call to <paramref name="callMeAt"/>.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="name">The greeting name.</param>
    /// <param name="callMeAt">The device to ring, such as <c>1001</c> or <c>1001wp</c>.</param>
    /// <param name="activate">Whether to make it the active greeting.</param>
    /// <param name="cancellationToken">Cancels the operation (and the call).</param>
    /// <returns>The stored greeting.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IGreetingRecorder"/> was given.</exception>
    /// <exception cref="VoicemailValidationException">The name, the device, the recording or the per-user limit refuses it.</exception>
    public async Task<Greeting> AddRecordingAsync(string extension, string name, string callMeAt, bool activate = false, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        CheckName(name);
        var audio = await RecordAsync(extension, callMeAt, RecordingPurpose.Greeting, cancellationToken).ConfigureAwait(false);
        return await AddAsync(extension, name, audio, GreetingSource.Recording, null, null, activate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renames a greeting.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting.</param>
    /// <param name="newName">The new name (unique per user, ignoring case).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The renamed greeting, or <see langword="null"/> when there is no such greeting.</returns>
    /// <exception cref="VoicemailValidationException">The name is refused.</exception>
    public async Task<Greeting?> RenameAsync(string extension, Guid id, string newName, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        CheckName(newName);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await _store.ListGreetingsAsync(extension, cancellationToken).ConfigureAwait(false);
            if (all.FirstOrDefault(g => g.Id == id) is not { } greeting)
            {
                return null;
            }

            CheckUnique(all, newName, id);
            var renamed = greeting with { Name = newName };
            return await _store.UpdateGreetingAsync(renamed, cancellationToken).ConfigureAwait(false) ? renamed : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes a greeting. Deleting the active greeting leaves none active.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the greeting existed.</returns>
    public Task<bool> DeleteAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.DeleteGreetingAsync(extension, id, cancellationToken);
    }

    /// <summary>Makes a greeting the active one, or makes none active.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when <paramref name="id"/> names no greeting of the user (nothing changes).</returns>
    public Task<bool> SetActiveAsync(string extension, Guid? id, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.SetActiveGreetingAsync(extension, id, cancellationToken);
    }

    /// <summary>Opens a greeting's audio (to play or download it).</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="id">The greeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A stream owned by the caller, or <see langword="null"/> when there is no such greeting.</returns>
    public Task<Stream?> OpenAudioAsync(string extension, Guid id, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.OpenGreetingAudioAsync(extension, id, cancellationToken);
    }

    /// <summary>Gets the recorded name.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The recorded name, or <see langword="null"/> when none is set.</returns>
    public Task<RecordedName?> GetRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.GetRecordedNameAsync(extension, cancellationToken);
    }

    /// <summary>Sets the recorded name from an uploaded file, replacing any previous one.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="content">The file; read to its end, not disposed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored name.</returns>
    /// <exception cref="VoicemailValidationException">The content is refused.</exception>
    public async Task<RecordedName> SetRecordedNameFromUploadAsync(string extension, Stream content, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        ArgumentNullException.ThrowIfNull(content);
        var audio = await ReadLimitedAsync(content, cancellationToken).ConfigureAwait(false);
        return await SetNameAsync(extension, audio, GreetingSource.Upload, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the recorded name by text to speech, replacing any previous one.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="text">The text to speak, typically the user's name.</param>
    /// <param name="voice">The voice, or <see langword="null"/> for the engine's default.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored name.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="ITextToSpeech"/> was given.</exception>
    /// <exception cref="VoicemailValidationException">The text or the synthesized audio is refused.</exception>
    public async Task<RecordedName> SetRecordedNameFromTextAsync(string extension, string text, string? voice = null, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        var audio = await SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false);
        return await SetNameAsync(extension, audio, GreetingSource.TextToSpeech, text, voice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the recorded name from a call to <paramref name="callMeAt"/>, replacing any previous one.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="callMeAt">The device to ring.</param>
    /// <param name="cancellationToken">Cancels the operation (and the call).</param>
    /// <returns>The stored name.</returns>
    /// <exception cref="InvalidOperationException">No <see cref="IGreetingRecorder"/> was given.</exception>
    /// <exception cref="VoicemailValidationException">The device or the recording is refused.</exception>
    public async Task<RecordedName> SetRecordedNameFromRecordingAsync(string extension, string callMeAt, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        var audio = await RecordAsync(extension, callMeAt, RecordingPurpose.RecordedName, cancellationToken).ConfigureAwait(false);
        return await SetNameAsync(extension, audio, GreetingSource.Recording, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the recorded name.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when a name was set.</returns>
    public Task<bool> DeleteRecordedNameAsync(string extension, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.DeleteRecordedNameAsync(extension, cancellationToken);
    }

    /// <summary>Opens the recorded name's audio.</summary>
    /// <param name="extension">The mailbox extension.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A stream owned by the caller, or <see langword="null"/> when no name is set.</returns>
    public Task<Stream?> OpenRecordedNameAudioAsync(string extension, CancellationToken cancellationToken = default)
    {
        ExtensionRules.ThrowIfInvalid(extension, nameof(extension));
        return _store.OpenRecordedNameAudioAsync(extension, cancellationToken);
    }

    private async Task<Greeting> AddAsync(string extension, string name, byte[] audio, GreetingSource source, string? text, string? voice, bool activate, CancellationToken cancellationToken)
    {
        CheckName(name);
        var (format, duration) = CheckAudio(audio);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await _store.ListGreetingsAsync(extension, cancellationToken).ConfigureAwait(false);
            if (all.Count >= _options.MaxGreetingsPerExtension)
            {
                throw new VoicemailValidationException("Greetings", $"Extension {extension} already has {all.Count} greetings, the most allowed; delete one first.", null);
            }

            CheckUnique(all, name, null);
            var greeting = new Greeting
            {
                Id = Guid.NewGuid(),
                Extension = extension,
                Name = name,
                Source = source,
                Format = format,
                Size = audio.Length,
                Duration = duration,
                CreatedAt = _clock.GetCurrentInstant(),
                Text = text,
                Voice = voice,
            };
            await _store.AddGreetingAsync(greeting, audio, cancellationToken).ConfigureAwait(false);
            if (activate)
            {
                await _store.SetActiveGreetingAsync(extension, greeting.Id, cancellationToken).ConfigureAwait(false);
            }

            return greeting;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RecordedName> SetNameAsync(string extension, byte[] audio, GreetingSource source, string? text, string? voice, CancellationToken cancellationToken)
    {
        var (format, duration) = CheckAudio(audio);
        var name = new RecordedName
        {
            Id = Guid.NewGuid(),
            Extension = extension,
            Source = source,
            Format = format,
            Size = audio.Length,
            Duration = duration,
            CreatedAt = _clock.GetCurrentInstant(),
            Text = text,
            Voice = voice,
        };
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _store.SetRecordedNameAsync(name, audio, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return name;
    }

    private async Task<byte[]> SynthesizeAsync(string text, string? voice, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new VoicemailValidationException("Text", "The text to speak is empty.", null);
        }

        if (text.Length > _options.MaxTextLength)
        {
            throw new VoicemailValidationException("Text", $"The text is {text.Length} characters long; at most {_options.MaxTextLength} are allowed.", null);
        }

        var engine = _textToSpeech ?? throw new InvalidOperationException("Text to speech is not available: no ITextToSpeech was given to the GreetingLibrary.");
        var stream = await engine.SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadLimitedAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> RecordAsync(string extension, string callMeAt, RecordingPurpose purpose, CancellationToken cancellationToken)
    {
        if (ExtensionRules.Check(callMeAt) is string reason)
        {
            throw new VoicemailValidationException("CallMeAt", reason.Replace("The extension", "The number to call", StringComparison.Ordinal), null);
        }

        var recorder = _recorder ?? throw new InvalidOperationException("Recording by phone is not available: no IGreetingRecorder was given to the GreetingLibrary.");
        var stream = await recorder.RecordAsync(extension, callMeAt, purpose, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadLimitedAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken cancellationToken)
    {
        var limit = _options.MaxAudioBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, n);
            if (buffer.Length > limit)
            {
                throw new VoicemailValidationException("Content", $"The audio is larger than {limit} bytes, the most allowed.", null);
            }
        }

        return buffer.ToArray();
    }

    private (AudioFormat Format, Duration? Duration) CheckAudio(byte[] audio)
    {
        var head = audio.AsSpan(0, Math.Min(audio.Length, AudioSniffer.RecommendedHeadLength));
        switch (AudioSniffer.Detect(head))
        {
            case AudioFormat.Wav:
                WavInfo info;
                try
                {
                    info = WavReader.Read(audio);
                }
                catch (VoicemailFormatException ex)
                {
                    throw new VoicemailValidationException("Content", $"The WAV file cannot be used: {ex.Message}", ex);
                }

                if (info.DataLength == 0)
                {
                    throw new VoicemailValidationException("Content", "The WAV file holds no audio.", null);
                }

                if (info.Duration > Duration.FromSeconds(_options.MaxDurationSeconds))
                {
                    throw new VoicemailValidationException("Content", $"The recording lasts {info.Duration.TotalSeconds:0.#} s; at most {_options.MaxDurationSeconds} s are allowed.", null);
                }

                return (AudioFormat.Wav, info.Duration);
            case AudioFormat.Mp3:
                return (AudioFormat.Mp3, null);
            default:
                throw new VoicemailValidationException("Content", "The file is neither a WAV nor an MP3 file.", null);
        }
    }

    private void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new VoicemailValidationException("Name", "The greeting name is empty.", null);
        }

        if (name.Length > _options.MaxNameLength)
        {
            throw new VoicemailValidationException("Name", $"The greeting name is {name.Length} characters long; at most {_options.MaxNameLength} are allowed.", null);
        }

        if (name != name.Trim())
        {
            throw new VoicemailValidationException("Name", "The greeting name must not start or end with spaces.", null);
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                throw new VoicemailValidationException("Name", "The greeting name contains a control or invalid character.", null);
            }
        }
    }

    private static void CheckUnique(IReadOnlyList<Greeting> all, string name, Guid? except)
    {
        foreach (var g in all)
        {
            if (g.Id != except && string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                throw new VoicemailValidationException("Name", $"A greeting named '{g.Name}' already exists.", null);
            }
        }
    }
}
