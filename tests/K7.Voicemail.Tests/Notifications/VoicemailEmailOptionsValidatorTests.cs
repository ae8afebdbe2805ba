using K7.Voicemail.Notifications;

namespace K7.Voicemail.Tests.Notifications;

public sealed class VoicemailEmailOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_FailForFromAndLink()
    {
        var result = new VoicemailEmailOptionsValidator().Validate(null, new VoicemailEmailOptions());

        Assert.True(result.Failed);
        Assert.Contains("From is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("LinkTemplate is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Complete_Succeeds() =>
        Assert.True(new VoicemailEmailOptionsValidator().Validate(null, NotificationTestData.Options()).Succeeded);

    [Theory]
    [InlineData("From {Caller", "is not closed")]
    [InlineData("From Caller}", "has no matching")]
    [InlineData("From {caller}", "unknown placeholder {caller}")]
    public void Validate_BadSubjectTemplate_SaysWhere(string template, string expected)
    {
        var options = NotificationTestData.Options();
        options.SubjectTemplate = template;

        var result = new VoicemailEmailOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SubjectTemplate", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://portal.example.com/{MessageId}")]
    [InlineData("portal/{MessageId}")]
    public void Validate_LinkNotHttp_Fails(string link)
    {
        var options = NotificationTestData.Options();
        options.LinkTemplate = link;

        Assert.True(new VoicemailEmailOptionsValidator().Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public void Validate_BadFrom_Fails(string from)
    {
        var options = NotificationTestData.Options();
        options.From = from;

        Assert.True(new VoicemailEmailOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validate_ZeroMaxAttachment_Fails()
    {
        var options = NotificationTestData.Options();
        options.MaxAttachmentBytes = 0;

        Assert.True(new VoicemailEmailOptionsValidator().Validate(null, options).Failed);
    }
}
