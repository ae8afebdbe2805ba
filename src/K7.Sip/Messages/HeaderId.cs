namespace K7.Sip;

/// <summary>The headers the parser recognises (and validates or serves from cache).</summary>
internal enum HeaderId : byte
{
    Unknown,
    Via,
    From,
    To,
    CallId,
    CSeq,
    Contact,
    MaxForwards,
    Expires,
    ContentLength,
    ContentType,
    UserAgent,
}

/// <summary>Where one header line is in a parsed message's buffer.</summary>
internal struct HeaderRange
{
    public int NameStart;
    public int ValueStart;
    public int ValueEnd;
    public int Line;
    public short NameLength;
    public HeaderId Id;
    public bool Folded;
}

/// <summary>Recognises header names and validates the values of the headers checked at parse time.</summary>
internal static class HeaderTable
{
    internal static HeaderId Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return (name[0] | 0x20) switch
            {
                'v' => HeaderId.Via,
                'f' => HeaderId.From,
                't' => HeaderId.To,
                'i' => HeaderId.CallId,
                'm' => HeaderId.Contact,
                'l' => HeaderId.ContentLength,
                'c' => HeaderId.ContentType,
                _ => HeaderId.Unknown,
            };
        }

        return name.Length switch
        {
            2 when System.Text.Ascii.EqualsIgnoreCase(name, "To"u8) => HeaderId.To,
            3 when System.Text.Ascii.EqualsIgnoreCase(name, "Via"u8) => HeaderId.Via,
            4 when System.Text.Ascii.EqualsIgnoreCase(name, "From"u8) => HeaderId.From,
            4 when System.Text.Ascii.EqualsIgnoreCase(name, "CSeq"u8) => HeaderId.CSeq,
            7 when System.Text.Ascii.EqualsIgnoreCase(name, "Call-ID"u8) => HeaderId.CallId,
            7 when System.Text.Ascii.EqualsIgnoreCase(name, "Contact"u8) => HeaderId.Contact,
            7 when System.Text.Ascii.EqualsIgnoreCase(name, "Expires"u8) => HeaderId.Expires,
            10 when System.Text.Ascii.EqualsIgnoreCase(name, "User-Agent"u8) => HeaderId.UserAgent,
            12 when System.Text.Ascii.EqualsIgnoreCase(name, "Max-Forwards"u8) => HeaderId.MaxForwards,
            12 when System.Text.Ascii.EqualsIgnoreCase(name, "Content-Type"u8) => HeaderId.ContentType,
            14 when System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8) => HeaderId.ContentLength,
            _ => HeaderId.Unknown,
        };
    }

    internal static HeaderId Identify(string name)
    {
        Span<byte> buffer = stackalloc byte[16];
        if (name.Length > buffer.Length || !System.Text.Ascii.IsValid(name))
        {
            return HeaderId.Unknown;
        }

        var n = System.Text.Encoding.ASCII.GetBytes(name, buffer);
        return Identify(buffer[..n]);
    }

    internal static string? CanonicalName(HeaderId id) => id switch
    {
        HeaderId.Via => SipHeaderNames.Via,
        HeaderId.From => SipHeaderNames.From,
        HeaderId.To => SipHeaderNames.To,
        HeaderId.CallId => SipHeaderNames.CallId,
        HeaderId.CSeq => SipHeaderNames.CSeq,
        HeaderId.Contact => SipHeaderNames.Contact,
        HeaderId.MaxForwards => SipHeaderNames.MaxForwards,
        HeaderId.Expires => SipHeaderNames.Expires,
        HeaderId.ContentLength => SipHeaderNames.ContentLength,
        HeaderId.ContentType => SipHeaderNames.ContentType,
        HeaderId.UserAgent => SipHeaderNames.UserAgent,
        _ => null,
    };

    /// <summary>Validates a header value (unfolded and trimmed). Returns -1 when valid, else the fault offset and a description.</summary>
    internal static int Validate(HeaderId id, ReadOnlySpan<char> value, out string detail)
    {
        detail = string.Empty;
        switch (id)
        {
            case HeaderId.Via:
                return ValidateList(value, HeaderId.Via, "Invalid Via value (expected protocol/version/transport sent-by and parameters)", out detail);
            case HeaderId.Contact:
                return ValidateList(value, HeaderId.Contact, "Invalid Contact value (expected '*' or a name-addr with parameters)", out detail);
            case HeaderId.From:
            case HeaderId.To:
                detail = "Invalid name-addr (display name, <URI> and parameters)";
                return SipHeaderScanner.ScanNameAddr(value, out _);
            case HeaderId.CSeq:
                detail = "Invalid CSeq (expected a 32-bit sequence number and a method)";
                return SipHeaderScanner.ScanCSeq(value, out _, out _);
            case HeaderId.CallId:
                detail = "Invalid Call-ID (empty or containing whitespace)";
                return SipHeaderScanner.ScanCallId(value);
            case HeaderId.MaxForwards:
                detail = "Invalid Max-Forwards (expected an integer from 0 to 255)";
                return SipGrammar.TryParseDigits(value, 255, out _) ? -1 : 0;
            case HeaderId.Expires:
                detail = "Invalid Expires (expected delta-seconds)";
                return SipGrammar.IsDigits(value) ? -1 : 0;
            case HeaderId.ContentLength:
                detail = value.Length > 0 && value[0] == '-'
                    ? "Negative Content-Length"
                    : "Invalid Content-Length (expected a non-negative integer)";
                return SipGrammar.TryParseDigits(value, int.MaxValue, out _) ? -1 : 0;
            default:
                return -1;
        }
    }

    private static int ValidateList(ReadOnlySpan<char> value, HeaderId id, string description, out string detail)
    {
        detail = description;
        Span<Range> parts = stackalloc Range[32];
        var count = SipGrammar.SplitList(value, parts);
        if (count < 0)
        {
            // More than 32 values: validate one by one without the buffer.
            return ValidateSlowly(value, id);
        }

        for (var k = 0; k < count; k++)
        {
            var r = parts[k];
            var item = value[r];
            var offset = r.Start.Value;
            if (item.IsEmpty)
            {
                detail = "Empty element in a comma-separated list";
                return offset;
            }

            var fault = id == HeaderId.Via ? SipHeaderScanner.ScanVia(item, out _) : SipHeaderScanner.ScanContact(item);
            if (fault >= 0)
            {
                return offset + fault;
            }
        }

        return -1;
    }

    private static int ValidateSlowly(ReadOnlySpan<char> value, HeaderId id)
    {
        foreach (var item in SipGrammar.SplitList(value.ToString()))
        {
            if (item.Length == 0 || (id == HeaderId.Via ? SipHeaderScanner.ScanVia(item, out _) : SipHeaderScanner.ScanContact(item)) >= 0)
            {
                return 0;
            }
        }

        return -1;
    }
}
