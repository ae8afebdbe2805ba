using System.Diagnostics;
using System.Globalization;
using K7.Contacts.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace K7.Contacts.Tests.Storage;

/// <summary>
/// Kills a process that applies numbered change sets to a SQLite store, after it has reported a random number of
/// committed batches, then reopens the store: every reported batch is there in full, the batch in flight is there in
/// full or not at all, and nothing else is.
/// </summary>
public sealed class SqliteContactStoreCrashTests
{
    private const int Rounds = 10;
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);
    private static readonly ContactId Latest = ContactId.Parse("latest");

    private readonly ITestOutputHelper _output;

    public SqliteContactStoreCrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Kill_AfterRandomBatches_EveryReportedBatchWholeAndNoneHalf()
    {
        var worker = FindWorker();
        using var root = new TempDirectory();
        var path = root.File("contacts.db");
        var random = new Random(20261127);

        // Batch number → contacts per batch, for every batch a round may have written.
        var sizes = new Dictionary<long, int>();
        long stored = 0;
        var inFlightCommitted = 0;

        var watch = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            // Small batches commit in about one flush, so the kill often lands between commits; large ones take longer
            // to write, so it lands inside a transaction.
            var perBatch = round % 2 == 0 ? random.Next(1, 50) : random.Next(200, 1500);
            var killAfter = random.Next(1, 12);
            var reported = await RunAndKillAsync(worker, path, perBatch, killAfter);

            Assert.True(reported.Count >= killAfter, $"Round {round}: only {reported.Count} batches reported.");
            Assert.Equal(Enumerable.Range(1, reported.Count).Select(i => stored + i), reported);
            var lastReported = reported[^1];
            for (var k = stored + 1; k <= lastReported + 1; k++)
            {
                sizes[k] = perBatch;
            }

            var present = await CheckStoreAsync(path, sizes, round);
            Assert.True(
                present == lastReported || present == lastReported + 1,
                $"Round {round}: batches 1..{present} stored, but {lastReported} reported committed.");
            if (present == lastReported + 1)
            {
                inFlightCommitted++;
            }

            stored = present;
            _output.WriteLine($"Round {round}: {perBatch} contacts per batch, killed after {reported.Count} reports, {present} batches stored ({watch.ElapsedMilliseconds} ms).");
        }

        // Timing decides whether a kill lands before or after the commit of the batch in flight; not asserted.
        _output.WriteLine($"{Rounds} rounds, {stored} batches stored; the batch in flight had committed in {inFlightCommitted} rounds.");
    }

    private static string FindWorker()
    {
        // artifacts/bin/K7.Contacts.Tests/<config>/ → artifacts/bin/K7.Contacts.CrashWorker/<config>/
        var testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var config = Path.GetFileName(testDir);
        var path = Path.GetFullPath(Path.Combine(testDir, "..", "..", "K7.Contacts.CrashWorker", config, "K7.Contacts.CrashWorker.dll"));
        Assert.True(File.Exists(path), $"The crash worker was not built: '{path}' is missing (build tests/K7.Contacts.CrashWorker).");
        return path;
    }

    /// <summary>Runs the worker until it has reported <paramref name="killAfter"/> batches, kills it, and returns every batch it reported.</summary>
    private static async Task<List<long>> RunAndKillAsync(string worker, string path, int perBatch, int killAfter)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(perBatch.ToString(CultureInfo.InvariantCulture));

        var reported = new List<long>();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            while (reported.Count < killAfter)
            {
                using var timeout = new CancellationTokenSource(LineTimeout);
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token);
                    Assert.Fail($"The crash worker stopped by itself (exit code {process.ExitCode}) after {reported.Count} batches: {await errors}");
                }

                reported.Add(long.Parse(line, CultureInfo.InvariantCulture));
            }
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

            using var exit = new CancellationTokenSource(LineTimeout);
            await process.WaitForExitAsync(exit.Token);
        }

        // Batches reported between the last line read and the kill are committed too; a line cut short is ignored.
        var rest = await process.StandardOutput.ReadToEndAsync();
        var complete = rest[..(rest.LastIndexOf('\n') + 1)];
        reported.AddRange(complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l, CultureInfo.InvariantCulture)));
        return reported;
    }

    /// <summary>Checks the store holds batches 1..n exactly, each whole, and returns n.</summary>
    private static async Task<long> CheckStoreAsync(string path, Dictionary<long, int> sizes, int round)
    {
        ContactStoreSnapshot snapshot;
        using (var store = new SqliteContactStore(path))
        {
            snapshot = await store.LoadAsync();
        }

        Assert.Equal("ok", IntegrityCheck(path));

        var latest = Assert.Single(snapshot.Contacts, c => c.Id == Latest);
        var present = BatchOf(latest.FirstName);
        var byBatch = snapshot.Contacts.Where(c => c.Id != Latest).GroupBy(c => BatchOf(c.FirstName)).ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(
            byBatch.Keys.Order().SequenceEqual(Enumerable.Range(1, (int)present).Select(i => (long)i)),
            $"Round {round}: latest says batch {present}, but the store holds batches {string.Join(',', byBatch.Keys.Order())}.");

        var expectedStars = new HashSet<ContactFavorite> { new(Fan(present), Latest) };
        foreach (var (batch, contacts) in byBatch)
        {
            var size = sizes[batch];
            Assert.True(contacts.Count == size, $"Round {round}: batch {batch} is half there: {contacts.Count} of {size} contacts.");
            var expected = Enumerable.Range(0, size).Select(i => new Contact
            {
                Id = Member(batch, i),
                Kind = ContactKind.Shared,
                FirstName = "batch-" + batch.ToString(CultureInfo.InvariantCulture),
                LastName = i.ToString(CultureInfo.InvariantCulture),
                WorkNumber = "+1555" + i.ToString("D7", CultureInfo.InvariantCulture),
            }).OrderBy(c => c.Id);
            Assert.True(expected.SequenceEqual(contacts.OrderBy(c => c.Id)), $"Round {round}: batch {batch} holds other contacts than it wrote.");
            for (var i = 0; i < size; i += 4)
            {
                expectedStars.Add(new ContactFavorite(Fan(batch), Member(batch, i)));
            }
        }

        var missing = expectedStars.Except(snapshot.Favorites).Count();
        var extra = snapshot.Favorites.Except(expectedStars).Count();
        Assert.True(missing == 0 && extra == 0 && snapshot.Favorites.Count == expectedStars.Count, $"Round {round}: stars differ: {missing} missing, {extra} extra.");
        return present;
    }

    private static string? IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string;
    }

    private static long BatchOf(string firstName)
    {
        Assert.StartsWith("batch-", firstName, StringComparison.Ordinal);
        return long.Parse(firstName.AsSpan("batch-".Length), CultureInfo.InvariantCulture);
    }

    private static ContactId Fan(long batch) => ContactId.Parse("fan-" + batch.ToString(CultureInfo.InvariantCulture));

    private static ContactId Member(long batch, int index) =>
        ContactId.Parse("b" + batch.ToString(CultureInfo.InvariantCulture) + "-" + index.ToString(CultureInfo.InvariantCulture));
}
