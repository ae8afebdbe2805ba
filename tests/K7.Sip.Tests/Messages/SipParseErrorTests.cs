using K7.Sip.Tests.Conformance;

namespace K7.Sip.Tests.Messages;

public sealed class SipParseErrorTests
{
    private static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(CorpusTests.Folder, name + ".dat"));

    [Fact]
    public void TryCreateResponse_Badvers_505WithDialogHeaders()
    {
        var data = Load("badvers");
        Assert.False(SipMessage.TryParse(data, out _, out var error));
        Assert.True(error.TryCreateResponse(data, out var response));
        Assert.Equal(505, response.StatusCode);
        Assert.Equal("Version Not Supported", response.ReasonPhrase);
        Assert.Equal("badvers.31417@c.example.com", response.CallId);
        Assert.Equal("qweoiqpe", response.From!.Tag);
        Assert.Equal(new SipCSeq(1, SipMethod.Options), response.CSeq);
    }

    [Fact]
    public void TryCreateResponse_Scalar02_400WithoutTheInvalidCSeq()
    {
        var data = Load("scalar02");
        Assert.False(SipMessage.TryParse(data, out _, out var error));
        Assert.True(error.TryCreateResponse(data, out var response));
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("host129.example.com", response.TopVia!.Host);
        Assert.Null(response.CSeq);
        Assert.Equal("scalar02.23o0pd9vanlq3wnrlnewofjas9ui32", response.CallId);
        Assert.True(SipMessage.TryParse(response.ToBytes(), out _, out _));
    }

    [Theory]
    [InlineData("bigcode")]
    [InlineData("scalarlg")]
    public void TryCreateResponse_ResponseInput_False(string name)
    {
        var data = Load(name);
        Assert.False(SipMessage.TryParse(data, out _, out var error));
        Assert.False(error.TryCreateResponse(data, out var response));
        Assert.Null(response);
    }

    [Fact]
    public void TryCreateResponse_NoValidVia_False()
    {
        var data = Load("badinv01");
        Assert.False(SipMessage.TryParse(data, out _, out var error));
        Assert.False(error.TryCreateResponse(data, out _));
    }

    [Fact]
    public void TryCreateResponse_EveryRejectedRequest_AnswersWithSuggestedStatusOrHasNoVia()
    {
        foreach (var file in Directory.GetFiles(CorpusTests.Folder, "*.dat"))
        {
            var data = File.ReadAllBytes(file);
            if (SipMessage.TryParse(data, out _, out var error) || !error.IsRequest)
            {
                continue;
            }

            if (error.TryCreateResponse(data, out var response))
            {
                Assert.Equal(error.SuggestedStatusCode, response.StatusCode);
                Assert.NotEmpty(response.Vias);
            }
        }
    }
}
