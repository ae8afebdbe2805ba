using K7.Sip.Registrar;

namespace K7.Sip.Tests.Registrar;

public sealed class AddressOfRecordTests
{
    [Theory]
    [InlineData("SIP", "202wp", "Example.COM", "sip:202wp@example.com")]
    [InlineData("sips", "Alice", "example.com", "sips:Alice@example.com")]
    [InlineData("sip", null, "Example.com", "sip:example.com")]
    [InlineData("sip", "", "[2001:DB8::1]", "sip:[2001:db8::1]")]
    public void Canonical_Parts_LowerCaseSchemeAndHostUserKept(string scheme, string? user, string host, string expected)
    {
        Assert.Equal(expected, AddressOfRecord.Canonical(scheme, user, host));
    }

    [Fact]
    public void Canonical_EmptySchemeOrHost_Throws()
    {
        Assert.Throws<ArgumentException>(() => AddressOfRecord.Canonical("", "a", "h"));
        Assert.Throws<ArgumentNullException>(() => AddressOfRecord.Canonical("sip", "a", null!));
    }
}
