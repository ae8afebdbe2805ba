using FsCheck;
using FsCheck.Xunit;
using K7.SampleHost.Domain;

namespace K7.SampleHost.Tests;

public sealed class PasswordTests
{
    [Property(MaxTest = 300)]
    public bool Policy_AcceptsExactlyThePasswordsTheGuideAllows(NonNull<string> password, PositiveInt number)
    {
        var extension = (200 + (number.Get % 100)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = password.Get;
        var expected = text.Length is >= PasswordPolicy.MinLength and <= PasswordPolicy.MaxLength && text.Any(char.IsUpper) && !text.Contains(extension, StringComparison.Ordinal);
        return (PasswordPolicy.Check(text, extension) is null) == expected;
    }

    [Property(MaxTest = 25)]
    public bool Hash_VerifiesItsPassword_AndNoOther(NonEmptyString password, NonEmptyString other)
    {
        var hash = PasswordHasher.Hash(password.Get, iterations: 10);
        return PasswordHasher.Verify(password.Get, hash) && (other.Get == password.Get || !PasswordHasher.Verify(other.Get, hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("pbkdf2-sha256$x$AA==$AA==")]
    [InlineData("pbkdf2-sha256$10$not base64$AA==")]
    [InlineData("md5$10$AA==$AA==")]
    public void Verify_RefusesAMalformedHash(string stored) => Assert.False(PasswordHasher.Verify("Anything-1", stored));

    [Fact]
    public void Hash_IsSaltedAndUsesTheIterationsAsked()
    {
        var first = PasswordHasher.Hash("Same-password1", iterations: 12);
        var second = PasswordHasher.Hash("Same-password1", iterations: 12);
        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$12$", first, StringComparison.Ordinal);
    }
}
