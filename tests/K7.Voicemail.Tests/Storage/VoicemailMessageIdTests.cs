using NodaTime;

namespace K7.Voicemail.Tests.Storage;

public sealed class VoicemailMessageIdTests
{
    [Fact]
    public void New_RoundTripsThroughText()
    {
        var id = VoicemailMessageId.New(StoreTestData.Start);
        var text = id.ToString();
        Assert.Equal(32, text.Length);
        Assert.Equal(id, VoicemailMessageId.Parse(text));
        Assert.False(id.IsEmpty);
    }

    [Fact]
    public void New_LaterInstant_SortsAfter()
    {
        var a = VoicemailMessageId.New(StoreTestData.Start);
        var b = VoicemailMessageId.New(StoreTestData.Start + Duration.FromMilliseconds(1));
        Assert.True(a < b);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("0192f3a4-0000-7000-8000-000000000001")]
    [InlineData("0192f3a400007000800000000000000g")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("0192f3a4000070008000000000000001/")]
    public void Parse_NotThirtyTwoHexDigits_Rejected(string text)
    {
        Assert.False(VoicemailMessageId.TryParse(text, out _));
        var ex = Assert.Throws<VoicemailFormatException>(() => VoicemailMessageId.Parse(text));
        Assert.Equal("VoicemailMessageId", ex.Field);
    }
}
