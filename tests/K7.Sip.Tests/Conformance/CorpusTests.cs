namespace K7.Sip.Tests.Conformance;

public sealed class CorpusTests
{
    internal static string Folder => Path.Combine(AppContext.BaseDirectory, "Conformance", "Rfc4475");

    [Fact]
    public void Corpus_HasTheFortyNineTortureMessages()
    {
        var files = Directory.GetFiles(Folder, "*.dat");
        Assert.Equal(49, files.Length);
    }

    [Fact]
    public void Corpus_KeepsCrLfLineEnds()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "wsinv.dat"));
        Assert.Contains((byte)'\r', bytes);
    }
}
