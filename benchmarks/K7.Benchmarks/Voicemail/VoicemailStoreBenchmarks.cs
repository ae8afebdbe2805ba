using BenchmarkDotNet.Attributes;
using K7.Voicemail;
using K7.Voicemail.Storage;
using NodaTime;
using NodaTime.Testing;

namespace K7.Benchmarks.Voicemail;

/// <summary>
/// The file store: depositing a 30-second 8 kHz µ-law message (240,000 bytes, two fsync'd atomic writes), and listing
/// a mailbox of 10,000 messages from the in-memory index against reading every metadata file from disk.
/// </summary>
[MemoryDiagnoser]
public class VoicemailStoreBenchmarks : IDisposable
{
    private const int MailboxSize = 10_000;
    private static readonly MailboxId Depositing = MailboxId.Parse("202");
    private static readonly MailboxId Large = MailboxId.Parse("300");

    private readonly byte[] _audio = new byte[240_000];
    private string _root = string.Empty;
    private FileSystemVoicemailStore _store = null!;
    private VoicemailDeposit _deposit = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_audio);
        _root = Path.Combine(Path.GetTempPath(), "k7-vm-bench-" + Guid.NewGuid().ToString("N"));
        var start = Instant.FromUtc(2026, 3, 2, 9, 0);
        _deposit = new VoicemailDeposit
        {
            CallerNumber = "+4930123456",
            CallerName = "Alice",
            ReceivedAt = start,
            Duration = Duration.FromSeconds(30),
            AudioFormat = "mulaw",
        };

        // The large mailbox is written directly (no fsync), as the store would have left it.
        var messages = Path.Combine(_root, Large.Value, "messages");
        var audio = Path.Combine(_root, Large.Value, "audio");
        Directory.CreateDirectory(messages);
        Directory.CreateDirectory(audio);
        for (var i = 0; i < MailboxSize; i++)
        {
            var at = start + Duration.FromMinutes(i);
            var id = VoicemailMessageId.New(at);
            var message = VoicemailStoreRules.NewMessage(id, Large, _deposit with { ReceivedAt = at }, 16, at);
            if (i % 3 == 1)
            {
                message = message with { Folder = VoicemailFolder.Saved };
            }

            File.WriteAllBytes(Path.Combine(messages, id + ".json"), VoicemailMetadataSerializer.Serialize(message));
            File.WriteAllBytes(Path.Combine(audio, id + ".audio"), new byte[16]);
        }

        _store = new FileSystemVoicemailStore(_root, new FakeClock(start));
        _ = _store.ListAsync(Large, VoicemailFolder.New).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        Directory.Delete(_root, recursive: true);
    }

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "Deposit 30 s µ-law (240 kB)")]
    public async Task<VoicemailMessage> Deposit()
    {
        using var audio = new MemoryStream(_audio, writable: false);
        return await _store.DepositAsync(Depositing, _deposit, audio);
    }

    [Benchmark(Baseline = true, Description = "List 10,000: read every metadata file")]
    public int ListFromFiles()
    {
        var list = new List<VoicemailMessage>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(_root, Large.Value, "messages"), "*.json"))
        {
            var message = VoicemailMetadataSerializer.Deserialize(File.ReadAllBytes(path), path);
            if (message.Folder == VoicemailFolder.New)
            {
                list.Add(message);
            }
        }

        list.Sort(static (a, b) => b.ReceivedAt.CompareTo(a.ReceivedAt));
        return list.Count;
    }

    [Benchmark(Description = "List 10,000: index")]
    public async Task<int> ListFromIndex() => (await _store.ListAsync(Large, VoicemailFolder.New)).Count;
}
