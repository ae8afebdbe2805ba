using K7.SampleHost.Seed;
using K7.Voicemail;
using NodaTime;

namespace K7.SampleHost.Voicemail;

/// <summary>Ellen Green's (202) voicemails, as on the guide's Messages page: two from Gary Smith, one from Suzanne May (saved), one from outside.</summary>
internal sealed class VoicemailDemoSeed(VoicemailService voicemail, IClock clock) : IDemoSeed
{
    /// <summary>The mailbox the demo voicemails are left in.</summary>
    public const string Mailbox = "202";

    /// <summary>The demo voicemails: caller number, caller name, minutes before the seed, length in milliseconds, whether saved.</summary>
    internal static readonly (string Number, string? Name, int MinutesAgo, int Milliseconds, bool Saved)[] Messages =
    [
        ("203", "Gary Smith", 61, 3100, false),
        ("203", "Gary Smith", 62, 1500, false),
        ("201", "Suzanne May", 65, 3000, true),
        ("+12125550147", "WIRELESS CALLER", 1440, 2400, false),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var mailbox = MailboxId.Parse(Mailbox);
        var now = clock.GetCurrentInstant();
        var tone = 392.0;
        foreach (var (number, name, minutesAgo, milliseconds, saved) in Messages)
        {
            using var audio = new MemoryStream(ToneWav.Create(milliseconds, tone), writable: false);
            var result = await voicemail.DepositAsync(mailbox, number, name, now - Duration.FromMinutes(minutesAgo), audio, cancellationToken).ConfigureAwait(false);
            if (saved)
            {
                await voicemail.SaveAsync(mailbox, result.Message.Id, cancellationToken).ConfigureAwait(false);
            }

            tone += 55;
        }
    }
}
