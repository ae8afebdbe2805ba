using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;

namespace K7.Voicemail.Greetings;

/// <summary>An <see cref="ITextToSpeech"/> that runs the <c>espeak-ng</c> program.</summary>
/// <remarks>
/// Runs <c>espeak-ng -v &lt;voice&gt; -s &lt;speed&gt; -w &lt;temporary file&gt; --stdin</c> without a shell; the text is
/// written to standard input and never appears on the command line. The run is bounded by a timeout, after which the
/// process is killed. Voices are espeak-ng voice names such as <c>en-us</c> or <c>fr</c> (ASCII letters, digits, '-',
/// '_' and '+', starting with a letter).
/// </remarks>
public sealed class EspeakTextToSpeech : ITextToSpeech
{
    private static readonly SearchValues<char> VoiceChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+");

    private readonly string _executable;
    private readonly string _defaultVoice;
    private readonly int _wordsPerMinute;
    private readonly TimeSpan _timeout;

    /// <summary>Initializes a new instance of the <see cref="EspeakTextToSpeech"/> class.</summary>
    /// <param name="executable">The program to run, a name looked up on PATH or a full path.</param>
    /// <param name="defaultVoice">The voice used when none is asked for.</param>
    /// <param name="wordsPerMinute">The speed, 80 to 450.</param>
    /// <param name="timeoutSeconds">The longest a synthesis may run, 1 to 600 seconds.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public EspeakTextToSpeech(string executable = "espeak-ng", string defaultVoice = "en-us", int wordsPerMinute = 160, int timeoutSeconds = 30)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        if (!IsValidVoice(defaultVoice))
        {
            throw new ArgumentException($"'{defaultVoice}' is not a voice name.", nameof(defaultVoice));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(wordsPerMinute, 80);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wordsPerMinute, 450);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeoutSeconds, 600);
        _executable = executable;
        _defaultVoice = defaultVoice;
        _wordsPerMinute = wordsPerMinute;
        _timeout = TimeSpan.FromSeconds(timeoutSeconds);
    }

    /// <summary>Tells whether a string is an acceptable voice name (1 to 40 of ASCII letters, digits, '-', '_', '+', starting with a letter).</summary>
    /// <param name="voice">The voice name.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsValidVoice(string? voice)
        => !string.IsNullOrEmpty(voice) && voice.Length <= 40 && char.IsAsciiLetter(voice[0]) && !voice.AsSpan().ContainsAnyExcept(VoiceChars);

    /// <summary>Tells whether the program can be run (it answers <c>--version</c> within the timeout).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when espeak-ng is available.</returns>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--version");
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(_timeout);
            var drain = process.StandardOutput.ReadToEndAsync(cts.Token);
            try
            {
                await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                await drain.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The text is empty or the voice name is malformed.</exception>
    /// <exception cref="TimeoutException">espeak-ng did not finish within the timeout (it was killed).</exception>
    /// <exception cref="InvalidOperationException">espeak-ng could not be started or failed.</exception>
    public async Task<Stream> SynthesizeAsync(string text, string? voice, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        voice ??= _defaultVoice;
        if (!IsValidVoice(voice))
        {
            throw new ArgumentException($"'{voice}' is not a voice name.", nameof(voice));
        }

        var output = Path.Combine(Path.GetTempPath(), "k7-tts-" + Guid.NewGuid().ToString("N") + ".wav");
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", voice, "-s", _wordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", output, "--stdin" })
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException($"'{_executable}' could not be started.");
            }
            catch (Win32Exception ex)
            {
                throw new InvalidOperationException($"'{_executable}' could not be started; is espeak-ng installed?", ex);
            }

            using (process)
            {
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cts.CancelAfter(_timeout);
                var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
                var stderr = process.StandardError.ReadToEndAsync(cts.Token);
                try
                {
                    await process.StandardInput.WriteAsync(text.AsMemory(), cts.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                    await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                    await stdout.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    process.Kill(entireProcessTree: true);
                    cancellationToken.ThrowIfCancellationRequested();
                    if (ex is IOException)
                    {
                        throw new InvalidOperationException($"espeak-ng stopped reading its input: {ex.Message}", ex);
                    }

                    throw new TimeoutException($"espeak-ng did not finish within {_timeout.TotalSeconds} s and was stopped.", ex);
                }

                var errors = await stderr.ConfigureAwait(false);
                if (process.ExitCode != 0 || !File.Exists(output))
                {
                    throw new InvalidOperationException($"espeak-ng failed with exit code {process.ExitCode}: {errors.Trim()}");
                }
            }

            var bytes = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
            return new MemoryStream(bytes, writable: false);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
