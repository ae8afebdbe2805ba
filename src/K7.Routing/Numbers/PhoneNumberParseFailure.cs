namespace K7.Routing;

/// <summary>Why a list entry is not a phone number, and where: the result of <see cref="PhoneNumberCanonicalizer.TryParseCore"/>.</summary>
/// <param name="Reason">What is wrong, in words for the person who typed the number, such as <c>too short</c>.</param>
/// <param name="Position">The zero-based offset of the first character at fault (the end of the text when digits are missing).</param>
internal readonly record struct PhoneNumberParseFailure(string Reason, int Position)
{
    /// <summary>The reason followed by the position, as <see cref="PhoneNumberCanonicalizer.TryParse(ReadOnlySpan{char}, out PhoneNumberKey, out string?)"/> reports it.</summary>
    public override string ToString() => $"{Reason} (position {Position})";
}
