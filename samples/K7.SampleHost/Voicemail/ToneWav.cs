using System.Buffers.Binary;
using K7.Voicemail.Audio;

namespace K7.SampleHost.Voicemail;

/// <summary>Short PCM WAV files made in code (a sine tone), for demo data that needs valid audio without text to speech.</summary>
internal static class ToneWav
{
    private const int SampleRate = 8000;

    /// <summary>A 16-bit mono 8 kHz WAV file of <paramref name="milliseconds"/> of a <paramref name="frequency"/> Hz tone that fades in and out.</summary>
    public static byte[] Create(int milliseconds, double frequency = 440)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, 1);
        var samples = SampleRate * milliseconds / 1000;
        var file = new byte[WavWriter.HeaderLength + (samples * 2)];
        WavWriter.WriteHeader(file, WavEncoding.Pcm, channels: 1, SampleRate, bitsPerSample: 16, dataLength: samples * 2L);
        var fade = Math.Min(samples / 4, SampleRate / 20);
        for (var i = 0; i < samples; i++)
        {
            var envelope = fade == 0 ? 1.0 : Math.Min(1.0, Math.Min(i, samples - 1 - i) / (double)fade);
            var value = (short)(Math.Sin(2 * Math.PI * frequency * i / SampleRate) * 8000 * envelope);
            BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(WavWriter.HeaderLength + (i * 2)), value);
        }

        return file;
    }
}
