using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace K7.SampleHost.Tests;

/// <summary>The host program run as its own process (as <c>dotnet run</c> starts it), on free ports, with its output captured.</summary>
internal sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "K7.SampleHost.dll"), "--data", folder, "--http", "http://127.0.0.1:0",
                "--sip-udp", "0", "--sip-tcp", "0", "--K7:Sip:VoicemailPort=0", "--K7:PasswordHashIterations=1000",
            },
        };
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.Exited += (_, _) => _banner.TrySetException(new InvalidOperationException("The host ended before printing its banner:\n" + Output));
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The HTTP address from the banner.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Starts the program on <paramref name="folder"/> and waits (at most 60 s) for its banner.</summary>
    public static async Task<HostProcess> StartAsync(string folder)
    {
        var host = new HostProcess(folder);
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host._banner.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line is null)
        {
            return;
        }

        if (HttpLine().Match(line) is { Success: true } match)
        {
            BaseAddress = new Uri(match.Groups[1].Value);
        }

        if (line.Contains("password:", StringComparison.Ordinal))
        {
            _banner.TrySetResult();
        }
    }

    [GeneratedRegex(@"HTTP API:\s+(http://[0-9.]+:[0-9]+)")]
    private static partial Regex HttpLine();
}
