using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using K7.Voicemail.Storage;
using NodaTime;

namespace K7.Voicemail.CrashWorker;

/// <summary>
/// Does random voicemail store operations forever, until it is killed, journaling each one: an intent line before
/// it starts and a completion line after it returns, both flushed to disk.
/// </summary>
/// <remarks>
/// Usage: <c>K7.Voicemail.CrashWorker &lt;store folder&gt; &lt;seed&gt; &lt;journal file&gt; [max operations]</c>.
/// Journal lines are tab-separated: <c>I|C</c>, then the operation (<c>D</c> deposit, <c>M</c> move, <c>F</c> forward,
/// <c>X</c> delete, <c>P</c> purge) and its arguments: <c>D mailbox size sha256</c> / <c>D mailbox id</c>,
/// <c>M mailbox id folder</c>, <c>F from id to</c> / <c>F from id to copy</c>, <c>X mailbox id</c>,
/// <c>P mailbox</c> / <c>P mailbox purged-ids</c>.
/// </remarks>
public static class Program
{
    public static readonly string[] Mailboxes = ["202", "203", "204"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 3)
        {
            await Console.Error.WriteLineAsync("usage: K7.Voicemail.CrashWorker <store folder> <seed> <journal file> [max operations]");
            return 2;
        }

        var random = new Random(int.Parse(args[1], CultureInfo.InvariantCulture));
        var maxOperations = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : long.MaxValue;
        var clock = SystemClock.Instance;
        using var store = new FileSystemVoicemailStore(args[0], clock);
        await using var journal = new FileStream(args[2], FileMode.Append, FileAccess.Write, FileShare.Read, 1, FileOptions.None);

        var messages = new List<VoicemailMessage>();
        foreach (var name in Mailboxes)
        {
            foreach (var folder in new[] { VoicemailFolder.New, VoicemailFolder.Saved, VoicemailFolder.Trash })
            {
                messages.AddRange(await store.ListAsync(MailboxId.Parse(name), folder));
            }
        }

        for (long n = 0; n < maxOperations; n++)
        {
            var choice = messages.Count == 0 ? 0 : random.Next(100);
            if (choice < 35)
            {
                var mailbox = MailboxId.Parse(Mailboxes[random.Next(Mailboxes.Length)]);
                var audio = new byte[random.Next(0, 64_000)];
                random.NextBytes(audio);
                var hash = Hash(audio);
                Write(journal, "I", "D", mailbox.Value, audio.Length.ToString(CultureInfo.InvariantCulture), hash);
                var deposit = new VoicemailDeposit
                {
                    CallerNumber = "+49301234" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture),
                    ReceivedAt = clock.GetCurrentInstant(),
                    Duration = Duration.FromMilliseconds(audio.Length / 8),
                    AudioFormat = "mulaw",
                };
                var message = await store.DepositAsync(mailbox, deposit, new MemoryStream(audio));
                messages.Add(message);
                Write(journal, "C", "D", mailbox.Value, message.Id.ToString());
            }
            else if (choice < 65)
            {
                var index = random.Next(messages.Count);
                var target = messages[index];
                var folder = (VoicemailFolder)random.Next(3);
                Write(journal, "I", "M", target.Mailbox.Value, target.Id.ToString(), folder.ToString());
                messages[index] = await store.MoveAsync(target.Mailbox, target.Id, folder) ?? throw new InvalidOperationException($"Message {target.Id} vanished.");
                Write(journal, "C", "M", target.Mailbox.Value, target.Id.ToString(), folder.ToString());
            }
            else if (choice < 80)
            {
                var source = messages[random.Next(messages.Count)];
                var to = MailboxId.Parse(Mailboxes[random.Next(Mailboxes.Length)]);
                Write(journal, "I", "F", source.Mailbox.Value, source.Id.ToString(), to.Value);
                var copy = await store.ForwardAsync(source.Mailbox, source.Id, to) ?? throw new InvalidOperationException($"Message {source.Id} vanished.");
                messages.Add(copy);
                Write(journal, "C", "F", source.Mailbox.Value, source.Id.ToString(), to.Value, copy.Id.ToString());
            }
            else if (choice < 92)
            {
                var index = random.Next(messages.Count);
                var target = messages[index];
                Write(journal, "I", "X", target.Mailbox.Value, target.Id.ToString());
                if (!await store.DeleteAsync(target.Mailbox, target.Id))
                {
                    throw new InvalidOperationException($"Message {target.Id} vanished.");
                }

                messages.RemoveAt(index);
                Write(journal, "C", "X", target.Mailbox.Value, target.Id.ToString());
            }
            else
            {
                var mailbox = MailboxId.Parse(Mailboxes[random.Next(Mailboxes.Length)]);
                var purged = messages.Where(m => m.Mailbox == mailbox && m.Folder == VoicemailFolder.Trash).Select(m => m.Id).ToHashSet();
                Write(journal, "I", "P", mailbox.Value);
                var count = await store.PurgeTrashAsync(mailbox);
                if (count != purged.Count)
                {
                    throw new InvalidOperationException($"Purged {count} messages, expected {purged.Count}.");
                }

                messages.RemoveAll(m => purged.Contains(m.Id));
                Write(journal, "C", "P", mailbox.Value, string.Join(',', purged.Select(id => id.ToString())));
            }
        }

        return 0;
    }

    public static string Hash(ReadOnlySpan<byte> audio) => Convert.ToHexStringLower(SHA256.HashData(audio));

    private static void Write(FileStream journal, params string[] fields)
    {
        journal.Write(Encoding.UTF8.GetBytes(string.Join('\t', fields) + "\n"));
        journal.Flush(flushToDisk: true);
    }
}
