using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace K7.Sip.Tests.Messages;

public sealed class SipMessagePropertyTests
{
    [Property(MaxTest = 300, Arbitrary = new[] { typeof(SipMessageGenerators) })]
    public void ToBytes_ThenTryParse_RoundTrips(GeneratedMessage generated)
    {
        var bytes = generated.Message.ToBytes();
        Assert.True(SipMessage.TryParse(bytes, out var parsed, out var error), error.Message);
        Assert.Equal(generated.CallId, parsed.CallId);
        Assert.Equal(generated.CSeq, parsed.CSeq);
        Assert.Equal(generated.From.Tag, parsed.From!.Tag);
        Assert.Equal(generated.From.DisplayName, parsed.From.DisplayName);
        Assert.True(generated.From.Uri.IsEquivalentTo(parsed.From.Uri));
        Assert.True(generated.To.Uri.IsEquivalentTo(parsed.To!.Uri));
        Assert.Equal(generated.Vias, parsed.Vias.Select(v => v.ToString()));
        Assert.Equal(generated.Contacts, parsed.Contacts.Count);
        Assert.Equal(70, parsed.MaxForwards);
        Assert.True(generated.Message.Body.Span.SequenceEqual(parsed.Body.Span));
        switch (generated.Message)
        {
            case SipRequest request:
                var parsedRequest = Assert.IsType<SipRequest>(parsed);
                Assert.Equal(request.Method, parsedRequest.Method);
                Assert.True(request.RequestUri.IsEquivalentTo(parsedRequest.RequestUri));
                break;
            case SipResponse response:
                var parsedResponse = Assert.IsType<SipResponse>(parsed);
                Assert.Equal(response.StatusCode, parsedResponse.StatusCode);
                Assert.Equal(response.ReasonPhrase, parsedResponse.ReasonPhrase);
                break;
        }

        Assert.Equal(generated.Message.Headers, parsed.Headers);
        Assert.Equal(bytes, parsed.ToBytes());
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(SipMessageGenerators) })]
    public void Uri_ToStringThenParse_IsEquivalent(SipUri uri)
    {
        Assert.True(SipUri.TryParse(uri.ToString(), out var parsed), uri.ToString());
        Assert.True(uri.IsEquivalentTo(parsed));
        Assert.Equal(uri.User, parsed.User);
        Assert.Equal(uri.Parameters, parsed.Parameters);
        Assert.Equal(uri.ToString(), parsed.ToString());
    }

    [Property(MaxTest = 1000)]
    public void TryParse_RandomBytes_NeverThrows(byte[] bytes)
    {
        ReadAll(bytes);
        ReadAll([.. "INVITE sip:a@b SIP/2.0\r\n"u8, .. bytes]);
        ReadAll([.. "SIP/2.0 200 OK\r\nVia: "u8, .. bytes]);
    }

    [Property(MaxTest = 2000, Arbitrary = new[] { typeof(SipMessageGenerators) })]
    public void TryParse_MutatedValidMessages_NeverThrows(MutatedDatagram mutation)
    {
        ReadAll(mutation.Apply());
    }

    [Fact]
    public void Contacts_BareCarriageReturnBeforeSpace_ReadAsWhiteSpace()
    {
        // Found by TryParse_MutatedValidMessages_NeverThrows: the message scanner accepts "\r " after the colon as
        // white space, and reading the Contact list then threw instead of reading the address.
        var text = "REGISTER sip:example.com SIP/2.0\r\nTo: <sip:a@example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\n" +
            "Call-ID: c@h\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nVia: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKkdjuw\r\n" +
            "Contact:\r <name:John_Smith>\r\nl: 0\r\n\r\n";
        Assert.True(SipMessage.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var message, out _));
        var contact = Assert.Single(message.Contacts);
        Assert.Equal("name", contact.Address!.Uri.SchemeName);
    }

    [Fact]
    public void TryParse_EveryTruncationOfEveryCorpusMessage_NeverThrows()
    {
        foreach (var message in SipMessageGenerators.Corpus())
        {
            for (var n = 0; n <= message.Length; n += 7)
            {
                ReadAll(message.AsSpan(0, n).ToArray());
            }
        }
    }

    [Property(MaxTest = 500)]
    public void UriAndHeaderParsers_RandomText_NeverThrow(string text)
    {
        text ??= string.Empty;
        var results = new[]
        {
            SipUri.TryParse(text, out _),
            SipNameAddress.TryParse(text, out _),
            SipVia.TryParse(text, out _),
            SipContact.TryParse(text, out _),
            SipCSeq.TryParse(text, out _),
            SipMethod.TryParse(text, out _),
            SipUri.TryParse("sip:" + text, out _),
            SipNameAddress.TryParse("<sip:a@b>;" + text, out _),
        };
        Assert.Equal(8, results.Length);
    }

    /// <summary>Parses and, when that succeeds, reads every typed value and serializes: none of it may throw.</summary>
    private static void ReadAll(byte[] bytes)
    {
        if (!SipMessage.TryParse(bytes, out var m, out var error))
        {
            Assert.NotEqual(SipParseErrorKind.None, error.Kind);
            Assert.NotEmpty(error.Message);
            if (error.TryCreateResponse(bytes, out var response))
            {
                Assert.True(SipMessage.TryParse(response.ToBytes(), out _, out var responseError), responseError.Message);
            }

            return;
        }

        _ = m.Vias.Count + m.Contacts.Count + (m.MaxForwards ?? 0) + (m.Expires ?? 0);
        _ = m.From?.ToString() + m.To?.ToString() + m.CallId + m.CSeq + m.ContentType + m.UserAgent;
        foreach (var c in m.Contacts)
        {
            _ = c.ToString() + c.Q + c.Expires;
        }

        foreach (var v in m.Vias)
        {
            _ = v.ToString() + v.RPort + v.Received;
        }

        if (m is SipRequest r)
        {
            _ = r.RequestUri.ToString() + r.Method;
            SipRequestValidator.Validate(r, SipValidationRole.Endpoint);
            SipRequestValidator.Validate(r, SipValidationRole.Proxy);
        }
        else
        {
            _ = ((SipResponse)m).ReasonPhrase;
        }

        Assert.True(SipMessage.TryParse(m.ToBytes(), out _, out var again), again.Message);
    }
}
