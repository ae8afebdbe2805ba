using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Voicemail.Storage;
using NodaTime;
using NodaTime.Testing;

namespace K7.Voicemail.Tests.Storage;

/// <summary>
/// Random sequences of deposits, moves, forwards, deletions and purges, checked after every step against a plain
/// dictionary model; the file store is also reopened from disk now and then, to prove that everything persists.
/// </summary>
public sealed class VoicemailStoreModelTests
{
    private static readonly MailboxId[] Mailboxes = [MailboxId.Parse("202"), MailboxId.Parse("203"), MailboxId.Parse("sales")];

    [Property(MaxTest = 60)]
    public Property FileSystemStore_RandomOperations_AgreesWithModel() =>
        Prop.ForAll(ScenarioGen().ToArbitrary(), ops =>
        {
            using var root = new TempDirectory();
            var clock = new FakeClock(StoreTestData.Start);
            var store = new FileSystemVoicemailStore(root.Path, clock);
            try
            {
                Run(ops, clock, () => store, () =>
                {
                    store.Dispose();
                    store = new FileSystemVoicemailStore(root.Path, clock);
                });
                Assert.True(store.RecoverAsync().AsTask().GetAwaiter().GetResult().IsClean);
            }
            finally
            {
                store.Dispose();
            }
        });

    [Property(MaxTest = 100)]
    public Property InMemoryStore_RandomOperations_AgreesWithModel() =>
        Prop.ForAll(ScenarioGen().ToArbitrary(), ops =>
        {
            var clock = new FakeClock(StoreTestData.Start);
            var store = new InMemoryVoicemailStore(clock);
            Run(ops, clock, () => store, reopen: null);
        });

    private static void Run(Op[] ops, FakeClock clock, Func<IVoicemailStore> store, Action? reopen)
    {
        var model = new Dictionary<VoicemailMessageId, (VoicemailMessage Message, byte[] Audio)>();
        foreach (var op in ops)
        {
            clock.Advance(Duration.FromSeconds(1));
            var all = model.Values.Select(v => v.Message).OrderBy(m => m.Id).ToList();
            switch (op)
            {
                case DepositOp d:
                    {
                        var audio = StoreTestData.AudioBytes(d.Size, d.Seed);
                        var deposit = StoreTestData.Deposit(caller: "10" + d.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), at: StoreTestData.Start + Duration.FromMinutes(d.Minute));
                        var message = Wait(store().DepositAsync(Mailboxes[d.Mailbox], deposit, new MemoryStream(audio)));
                        Assert.DoesNotContain(message.Id, model.Keys);
                        Assert.Equal(VoicemailStoreRules.NewMessage(message.Id, Mailboxes[d.Mailbox], deposit, audio.Length, clock.GetCurrentInstant()), message);
                        model.Add(message.Id, (message, audio));
                        break;
                    }

                case MoveOp m when all.Count > 0:
                    {
                        var target = all[m.Pick % all.Count];
                        var expected = target.Folder == m.Folder ? target : target with { Folder = m.Folder, FolderChangedAt = clock.GetCurrentInstant() };
                        Assert.Equal(expected, Wait(store().MoveAsync(target.Mailbox, target.Id, m.Folder)));
                        model[target.Id] = (expected, model[target.Id].Audio);
                        break;
                    }

                case ForwardOp f when all.Count > 0:
                    {
                        var source = all[f.Pick % all.Count];
                        var copy = Wait(store().ForwardAsync(source.Mailbox, source.Id, Mailboxes[f.To]));
                        Assert.NotNull(copy);
                        Assert.DoesNotContain(copy.Id, model.Keys);
                        Assert.Equal(VoicemailStoreRules.ForwardedCopy(source, copy.Id, Mailboxes[f.To], clock.GetCurrentInstant()), copy);
                        model.Add(copy.Id, (copy, model[source.Id].Audio));
                        break;
                    }

                case DeleteOp x when all.Count > 0:
                    {
                        var target = all[x.Pick % all.Count];
                        Assert.True(Wait(store().DeleteAsync(target.Mailbox, target.Id)));
                        Assert.False(Wait(store().DeleteAsync(target.Mailbox, target.Id)));
                        model.Remove(target.Id);
                        break;
                    }

                case PurgeOp p:
                    {
                        Instant? limit = p.AgeSeconds is { } age ? clock.GetCurrentInstant() - Duration.FromSeconds(age) : null;
                        var purged = model.Values.Where(v => v.Message.Mailbox == Mailboxes[p.Mailbox] && VoicemailStoreRules.IsPurgeable(v.Message, limit)).Select(v => v.Message.Id).ToList();
                        Assert.Equal(purged.Count, Wait(store().PurgeTrashAsync(Mailboxes[p.Mailbox], limit)));
                        purged.ForEach(id => model.Remove(id));
                        break;
                    }

                case ReopenOp:
                    reopen?.Invoke();
                    break;
            }

            Check(store(), model, withAudio: false);
        }

        reopen?.Invoke();
        Check(store(), model, withAudio: true);
    }

    private static void Check(IVoicemailStore store, Dictionary<VoicemailMessageId, (VoicemailMessage Message, byte[] Audio)> model, bool withAudio)
    {
        foreach (var mailbox in Mailboxes)
        {
            var inMailbox = model.Values.Select(v => v.Message).Where(m => m.Mailbox == mailbox).ToList();
            foreach (var folder in new[] { VoicemailFolder.New, VoicemailFolder.Saved, VoicemailFolder.Trash })
            {
                var expected = inMailbox.Where(m => m.Folder == folder).OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id).ToList();
                Assert.Equal(expected, Wait(store.ListAsync(mailbox, folder, VoicemailSort.OldestFirst)));
                expected.Reverse();
                Assert.Equal(expected, Wait(store.ListAsync(mailbox, folder, VoicemailSort.LatestFirst)));
            }

            var counts = Wait(store.CountsAsync(mailbox));
            Assert.Equal(inMailbox.Count, counts.Total);
        }

        var mailboxesWithMessages = model.Values.Select(v => v.Message.Mailbox).Distinct().ToHashSet();
        Assert.Subset(Wait(store.ListMailboxesAsync()).ToHashSet(), mailboxesWithMessages);

        if (withAudio)
        {
            foreach (var (message, audio) in model.Values)
            {
                var stream = Wait(store.OpenAudioAsync(message.Mailbox, message.Id));
                Assert.NotNull(stream);
                Assert.Equal(audio, StoreTestData.ReadAllAsync(stream).GetAwaiter().GetResult());
            }
        }
    }

    private static T Wait<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    private static Gen<Op[]> ScenarioGen() =>
        from length in Gen.Choose(1, 30)
        from ops in Gen.ArrayOf(OpGen(), length)
        select ops;

    private static Gen<Op> OpGen() =>
        Gen.Frequency(
            (5, from mailbox in Gen.Choose(0, Mailboxes.Length - 1)
                from size in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 3000)))
                from seed in Gen.Choose(0, 1000)
                from minute in Gen.Choose(0, 20)
                select (Op)new DepositOp(mailbox, size, seed, minute)),
            (4, from pick in Gen.Choose(0, 1000)
                from folder in Gen.Elements(VoicemailFolder.New, VoicemailFolder.Saved, VoicemailFolder.Trash)
                select (Op)new MoveOp(pick, folder)),
            (2, from pick in Gen.Choose(0, 1000) from to in Gen.Choose(0, Mailboxes.Length - 1) select (Op)new ForwardOp(pick, to)),
            (2, Gen.Choose(0, 1000).Select(pick => (Op)new DeleteOp(pick))),
            (1, from mailbox in Gen.Choose(0, Mailboxes.Length - 1)
                from age in Gen.Elements<int?>(null, 0, 3, 10)
                select (Op)new PurgeOp(mailbox, age)),
            (1, Gen.Constant((Op)new ReopenOp())));

    private abstract record Op;

    private sealed record DepositOp(int Mailbox, int Size, int Seed, int Minute) : Op;

    private sealed record MoveOp(int Pick, VoicemailFolder Folder) : Op;

    private sealed record ForwardOp(int Pick, int To) : Op;

    private sealed record DeleteOp(int Pick) : Op;

    private sealed record PurgeOp(int Mailbox, int? AgeSeconds) : Op;

    private sealed record ReopenOp : Op;
}
