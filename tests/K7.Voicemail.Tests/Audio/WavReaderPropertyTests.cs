using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Voicemail.Audio;
using NodaTime;

namespace K7.Voicemail.Tests.Audio;

public sealed class WavReaderPropertyTests
{
    [Property(MaxTest = 500)]
    public bool TryRead_RandomBytes_NeverThrows(byte[] bytes)
    {
        WavReader.TryRead(bytes, out _);
        WavReader.TryRead(new MemoryStream(bytes), out _);
        AudioSniffer.Detect(bytes);
        return true;
    }

    [Property(MaxTest = 500)]
    public bool TryRead_RandomBytesAfterRiffHeader_NeverThrows(byte[] tail)
    {
        var bytes = "RIFF\0\0\0\0WAVE"u8.ToArray().Concat(tail).ToArray();
        WavReader.TryRead(bytes, out _);
        WavReader.TryRead(new MemoryStream(bytes), out _);
        return AudioSniffer.Detect(bytes) == AudioFormat.Wav;
    }

    [Property(MaxTest = 300)]
    public Property WriteHeader_ThenRead_RoundTrips()
    {
        var gen =
            from encoding in Gen.Elements(WavEncoding.Pcm, WavEncoding.ALaw, WavEncoding.MuLaw)
            from bits in encoding == WavEncoding.Pcm ? Gen.Elements(8, 16) : Gen.Constant(8)
            from channels in Gen.Choose(1, 8)
            from rate in Gen.Choose(1000, 384_000)
            from frames in Gen.Choose(0, 5000)
            select (encoding, bits, channels, rate, frames);
        return Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var align = p.channels * p.bits / 8;
            var file = WavBuilder.Simple(p.encoding, p.channels, p.rate, p.bits, p.frames * align);
            var info = WavReader.Read(file);
            return info.Encoding == p.encoding && info.Channels == p.channels && info.SampleRate == p.rate
                && info.BitsPerSample == p.bits && info.DataLength == p.frames * align && info.DataOffset == 44
                && info.Duration == Duration.FromNanoseconds(p.frames * 1_000_000_000L / p.rate)
                && AudioSniffer.Detect(file) == AudioFormat.Wav;
        });
    }
}
