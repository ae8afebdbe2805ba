namespace K7.Voicemail.Tests;

public sealed class VoicemailFormatExceptionTests
{
    [Fact]
    public void Constructor_Positioned_KeepsPlace()
    {
        var ex = new VoicemailFormatException("bad chunk", 12, 1, "fmt");
        Assert.Equal((12L, 1L, "fmt"), (ex.Position, ex.Line!.Value, ex.Field));
    }
}
