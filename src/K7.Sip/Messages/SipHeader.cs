namespace K7.Sip;

/// <summary>One header line of a SIP message: its name as written and its value, unfolded and trimmed.</summary>
/// <param name="Name">The header name as written (long or compact form).</param>
/// <param name="Value">The value, with line folding replaced by single spaces and outer whitespace removed.</param>
public readonly record struct SipHeader(string Name, string Value)
{
    /// <summary>Returns the header in wire form, without the line end.</summary>
    /// <returns><c>Name: Value</c>.</returns>
    public override string ToString() => $"{Name}: {Value}";
}
