using FsCheck;
using FsCheck.Xunit;
using K7.SampleHost.Domain;
using Microsoft.AspNetCore.Identity;

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
        var hashing = new PasswordHashing(iterations: 10);
        var hash = hashing.Hash(password.Get);
        return hashing.Matches(password.Get, hash) && (other.Get == password.Get || !hashing.Matches(other.Get, hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AA==")]
    [InlineData("not base64 at all")]
    [InlineData("pbkdf2-sha256$10$AA==$AA==")]
    public void Verify_RefusesAMalformedHash(string stored) =>
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHashing(iterations: 10).Verify("Anything-1", stored));

    [Fact]
    public void Hash_IsSalted_AndAHashWithFewerIterationsAsksToBeMadeAgain()
    {
        var weak = new PasswordHashing(iterations: 12);
        var first = weak.Hash("Same-password1");
        Assert.NotEqual(first, weak.Hash("Same-password1"));
        Assert.Equal(PasswordVerificationResult.Success, weak.Verify("Same-password1", first));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, new PasswordHashing(iterations: 20).Verify("Same-password1", first));
    }
}
