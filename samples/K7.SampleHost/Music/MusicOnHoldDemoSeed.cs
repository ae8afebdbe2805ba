using K7.SampleHost.Seed;
using K7.SampleHost.Voicemail;
using K7.Voicemail.Audio;

namespace K7.SampleHost.Music;

/// <summary>Ellen Green's (202) music on hold: one short generated track and one message.</summary>
internal sealed class MusicOnHoldDemoSeed(MusicOnHoldStore store) : IDemoSeed
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        using (var track = new MemoryStream(ToneWav.Create(4000, 330), writable: false))
        {
            await store.AddAsync("202", MusicKind.Music, "Demo tone", AudioFormat.Wav, track, null, cancellationToken).ConfigureAwait(false);
        }

        using var message = new MemoryStream(ToneWav.Create(1500, 523), writable: false);
        await store.AddAsync("202", MusicKind.Message, "Please hold", AudioFormat.Wav, message, null, cancellationToken).ConfigureAwait(false);
    }
}
