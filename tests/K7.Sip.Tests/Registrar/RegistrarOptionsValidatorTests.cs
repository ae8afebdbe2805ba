using K7.Sip.Registrar;

namespace K7.Sip.Tests.Registrar;

public sealed class RegistrarOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new RegistrarOptionsValidator().Validate(null, new RegistrarOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0, 3600, 3600, 10, 10, "MinExpires must be at least 1")]
    [InlineData(600, 300, 300, 10, 10, "MaxExpires (300) must not be less than MinExpires (600)")]
    [InlineData(60, 3600, 7200, 10, 10, "DefaultExpires (7200) must lie between")]
    [InlineData(60, 3600, 3600, 0, 10, "MaxContactsPerAor must be at least 1")]
    [InlineData(60, 3600, 3600, 10, 0, "MaxBindingsTotal must be at least 1")]
    public void Validate_BrokenRule_FailsNamingIt(int min, int max, int @default, int perAor, int total, string expected)
    {
        var options = new RegistrarOptions { MinExpires = min, MaxExpires = max, DefaultExpires = @default, MaxContactsPerAor = perAor, MaxBindingsTotal = total };

        var result = new RegistrarOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }
}
