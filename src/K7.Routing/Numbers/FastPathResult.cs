namespace K7.Routing;

/// <summary>The outcome of <see cref="PhoneNumberCanonicalizer.TryFastPath"/>.</summary>
internal enum FastPathResult
{
    /// <summary>The text is in a common form and the key is certain.</summary>
    Match,

    /// <summary>The text is certainly not a phone number libphonenumber could read.</summary>
    NoMatch,

    /// <summary>Not a common form, or one whose key only libphonenumber can tell: ask libphonenumber.</summary>
    Fallback,
}
