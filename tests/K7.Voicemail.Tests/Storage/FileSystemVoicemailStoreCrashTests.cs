using System.Diagnostics;
using System.Security.Cryptography;
using K7.Voicemail.Storage;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Storage;

/// <summary>
/// Kills a process doing random store operations at random moments, then reopens the store and checks that every
/// journaled operation is reflected and that the one in flight happened completely or not at all.
/// </summary>
public sealed class FileSystemVoicemailStoreCrashTests
{
    private const int Rounds = 30;
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly VoicemailFolder[] Folders = [VoicemailFolder.New, VoicemailFolder.Saved, VoicemailFolder.Trash];

    [Fact]
    public async Task Kill_AtRandomMoments_NoMessageLostDuplicatedOrHalfWritten()
    {
        var worker = FindWorker();
        using var root = new TempDirectory();
        var storePath = Path.Combine(root.Path, "store");
        var random = new Random(20261126);
        var model = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var budget = Stopwatch.StartNew();
        var rounds = 0;
        var journaled = 0;

        while (rounds < Rounds && budget.Elapsed < TimeBudget)
        {
            var journalPath = Path.Combine(root.Path, $"journal-{rounds}.txt");
            await RunAndKillAsync(worker, storePath, random.Next(), journalPath, random.Next(20, 201));
            var (completed, pending) = ReadJournal(journalPath);
            journaled += completed.Count;
            foreach (var (intent, done) in completed)
            {
                Apply(model, intent, done);
            }

            var actual = await ReadStoreAsync(storePath);
            CheckAgainstModel(model, actual, pending, rounds);
            model = actual;
            rounds++;
        }

        Assert.True(rounds >= 10, $"Only {rounds} rounds ran within {TimeBudget}.");
        Assert.True(journaled >= rounds, $"Only {journaled} operations completed in {rounds} rounds.");
    }

    private static string FindWorker()
    {
        // artifacts/bin/K7.Voicemail.Tests/<config>/ → artifacts/bin/K7.Voicemail.CrashWorker/<config>/
        var testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var config = Path.GetFileName(testDir);
        var path = Path.GetFullPath(Path.Combine(testDir, "..", "..", "K7.Voicemail.CrashWorker", config, "K7.Voicemail.CrashWorker.dll"));
        Assert.True(File.Exists(path), $"The crash worker was not built: '{path}' is missing (build tests/K7.Voicemail.CrashWorker).");
        return path;
    }

    private static async Task RunAndKillAsync(string worker, string storePath, int seed, string journalPath, int killDelayMs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(storePath);
        start.ArgumentList.Add(seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(journalPath);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            while (!HasCompletedLine(journalPath))
            {
                await FailIfExitedAsync(process, errors);
                await Task.Delay(2, timeout.Token);
            }

            await Task.Delay(killDelayMs);
            await FailIfExitedAsync(process, errors);
        }
        finally
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            using var exit = new CancellationTokenSource(StartTimeout);
            await process.WaitForExitAsync(exit.Token);
        }
    }

    private static async Task FailIfExitedAsync(Process process, Task<string> errors)
    {
        if (process.HasExited)
        {
            Assert.Fail($"The crash worker stopped by itself (exit code {process.ExitCode}): {await errors}");
        }
    }

    private static bool HasCompletedLine(string journalPath)
    {
        if (!File.Exists(journalPath))
        {
            return false;
        }

        using var stream = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Contains("\nC\t", StringComparison.Ordinal);
    }

    private static (List<(string[] Intent, string[] Done)> Completed, string[]? Pending) ReadJournal(string journalPath)
    {
        var text = File.ReadAllText(journalPath);
        var lines = text.Split('\n');
        var completed = new List<(string[], string[])>();
        string[]? pending = null;

        // The last element follows the last newline: empty, or a line cut short by the kill (ignored).
        foreach (var line in lines[..^1])
        {
            var fields = line.Split('\t');
            if (fields[0] == "I")
            {
                Assert.Null(pending);
                pending = fields;
            }
            else
            {
                Assert.Equal("C", fields[0]);
                Assert.NotNull(pending);
                Assert.Equal(pending[1], fields[1]);
                completed.Add((pending, fields));
                pending = null;
            }
        }

        return (completed, pending);
    }

    private static void Apply(Dictionary<string, Entry> model, string[] intent, string[] done)
    {
        switch (done[1])
        {
            case "D":
                model.Add(done[3], new Entry(done[2], VoicemailFolder.New, long.Parse(intent[3], System.Globalization.CultureInfo.InvariantCulture), intent[4], null));
                break;
            case "M":
                model[done[3]] = model[done[3]] with { Folder = Enum.Parse<VoicemailFolder>(done[4]) };
                break;
            case "F":
                var source = model[done[3]];
                model.Add(done[5], source with { Mailbox = done[4], Folder = VoicemailFolder.New, ForwardedFrom = done[2] });
                break;
            case "X":
                Assert.True(model.Remove(done[3]), $"Deleted message {done[3]} was not in the model.");
                break;
            case "P":
                foreach (var id in done[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.Equal(VoicemailFolder.Trash, model[id].Folder);
                    model.Remove(id);
                }

                Assert.DoesNotContain(model.Values, e => e.Mailbox == done[2] && e.Folder == VoicemailFolder.Trash);
                break;
            default:
                Assert.Fail($"Unknown journal operation '{done[1]}'.");
                break;
        }
    }

    private static async Task<Dictionary<string, Entry>> ReadStoreAsync(string storePath)
    {
        var actual = new Dictionary<string, Entry>(StringComparer.Ordinal);
        using var store = new FileSystemVoicemailStore(storePath, new FakeClock(StoreTestData.Start));
        var report = await store.RecoverAsync();
        Assert.Empty(report.QuarantinedFiles);

        foreach (var mailbox in await store.ListMailboxesAsync())
        {
            foreach (var folder in Folders)
            {
                foreach (var message in await store.ListAsync(mailbox, folder))
                {
                    Assert.Equal(folder, message.Folder);
                    Assert.Equal(mailbox, message.Mailbox);
                    var stream = await store.OpenAudioAsync(mailbox, message.Id);
                    Assert.NotNull(stream);
                    var audio = await StoreTestData.ReadAllAsync(stream);
                    Assert.Equal(message.AudioSize, audio.Length);
                    var entry = new Entry(mailbox.Value, folder, audio.Length, Convert.ToHexStringLower(SHA256.HashData(audio)), message.ForwardedFrom?.Value);
                    Assert.True(actual.TryAdd(message.Id.ToString(), entry), $"Message {message.Id} is listed twice.");
                }
            }
        }

        // After recovery the disk holds exactly the listed messages: no unfinished writes, no orphan audio.
        Assert.Empty(Directory.EnumerateFiles(storePath, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(actual.Count, Directory.EnumerateFiles(storePath, "*.audio", SearchOption.AllDirectories).Count());
        Assert.Equal(actual.Count, Directory.EnumerateFiles(storePath, "*.json", SearchOption.AllDirectories).Count());
        return actual;
    }

    private static void CheckAgainstModel(Dictionary<string, Entry> model, Dictionary<string, Entry> actual, string[]? pending, int round)
    {
        var extra = actual.Keys.Except(model.Keys).ToList();
        var missing = model.Keys.Except(actual.Keys).ToList();
        var changed = model.Keys.Intersect(actual.Keys).Where(id => model[id] != actual[id]).ToList();
        var where = $"round {round}, in flight: {(pending is null ? "nothing" : string.Join(' ', pending))}";

        switch (pending?[1])
        {
            case null:
                Assert.True(extra.Count == 0 && missing.Count == 0 && changed.Count == 0, $"Store differs from the journal ({where}): extra {extra.Count}, missing {missing.Count}, changed {changed.Count}.");
                break;
            case "D":
                Assert.True(missing.Count == 0 && changed.Count == 0 && extra.Count <= 1, $"Deposit in flight changed other messages ({where}).");
                if (extra.Count == 1)
                {
                    var expected = new Entry(pending[2], VoicemailFolder.New, long.Parse(pending[3], System.Globalization.CultureInfo.InvariantCulture), pending[4], null);
                    Assert.Equal(expected, actual[extra[0]]);
                }

                break;
            case "M":
                Assert.True(missing.Count == 0 && extra.Count == 0 && changed.All(id => id == pending[3]), $"Move in flight changed other messages ({where}).");
                if (changed.Count == 1)
                {
                    Assert.Equal(model[pending[3]] with { Folder = Enum.Parse<VoicemailFolder>(pending[4]) }, actual[pending[3]]);
                }

                break;
            case "F":
                Assert.True(missing.Count == 0 && changed.Count == 0 && extra.Count <= 1, $"Forward in flight changed other messages ({where}).");
                if (extra.Count == 1)
                {
                    Assert.Equal(model[pending[3]] with { Mailbox = pending[4], Folder = VoicemailFolder.New, ForwardedFrom = pending[2] }, actual[extra[0]]);
                }

                break;
            case "X":
                Assert.True(extra.Count == 0 && changed.Count == 0 && missing.All(id => id == pending[3]), $"Delete in flight changed other messages ({where}).");
                break;
            case "P":
                Assert.True(extra.Count == 0 && changed.Count == 0, $"Purge in flight changed messages ({where}).");
                Assert.All(missing, id => Assert.True(model[id].Mailbox == pending[2] && model[id].Folder == VoicemailFolder.Trash, $"Purge removed {id}, not in {pending[2]}'s trash ({where})."));
                break;
            default:
                Assert.Fail($"Unknown journal operation ({where}).");
                break;
        }
    }

    private sealed record Entry(string Mailbox, VoicemailFolder Folder, long Size, string Hash, string? ForwardedFrom);
}
