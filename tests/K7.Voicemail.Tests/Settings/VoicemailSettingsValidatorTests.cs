using K7.Voicemail.Settings;

namespace K7.Voicemail.Tests.Settings;

public sealed class VoicemailSettingsValidatorTests
{
    private static VoicemailSettings On(EmailNotification type, AfterNotification after, params string[] addresses)
        => new() { Notification = type, AfterNotification = after, EmailAddresses = [.. addresses] };

    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(VoicemailSettingsValidator.Validate(new VoicemailSettings()));

    [Theory]
    [InlineData(EmailNotification.Hyperlink)]
    [InlineData(EmailNotification.BriefHyperlink)]
    public void Validate_HyperlinkWithMoveToTrash_RefusedOnAfterNotification(EmailNotification type)
    {
        var error = Assert.Single(VoicemailSettingsValidator.Validate(On(type, AfterNotification.MoveToTrash, "a@example.com")));
        Assert.Equal("AfterNotification", error.Field);
        Assert.Contains("would lose it when trash is emptied", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmailNotification.Attachment)]
    [InlineData(EmailNotification.BriefAttachment)]
    public void Validate_AttachmentWithMoveToTrash_Allowed(EmailNotification type)
        => Assert.Empty(VoicemailSettingsValidator.Validate(On(type, AfterNotification.MoveToTrash, "a@example.com")));

    [Fact]
    public void Validate_NotificationOnWithoutAddress_RefusedOnEmailAddresses()
    {
        var error = Assert.Single(VoicemailSettingsValidator.Validate(On(EmailNotification.Attachment, AfterNotification.LeaveAsNew)));
        Assert.Equal("EmailAddresses", error.Field);
    }

    [Fact]
    public void Validate_DefaultImmutableArray_TreatedAsEmpty()
    {
        var settings = new VoicemailSettings { Notification = EmailNotification.Hyperlink, EmailAddresses = default };
        Assert.Equal("EmailAddresses", Assert.Single(VoicemailSettingsValidator.Validate(settings)).Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("user")]
    [InlineData("a@example.com, b@example.com")]
    public void Validate_BadAddress_NamesItsIndex(string bad)
    {
        var error = Assert.Single(VoicemailSettingsValidator.Validate(On(EmailNotification.Hyperlink, AfterNotification.LeaveAsNew, "ok@example.com", bad)));
        Assert.Equal("EmailAddresses[1]", error.Field);
    }

    [Fact]
    public void Validate_DuplicateAddressIgnoringCase_Refused()
    {
        var error = Assert.Single(VoicemailSettingsValidator.Validate(On(EmailNotification.Attachment, AfterNotification.LeaveAsNew, "Ann@Example.com", "ann@example.com")));
        Assert.Equal("EmailAddresses[1]", error.Field);
    }

    [Fact]
    public void Validate_TooManyAddresses_Refused()
    {
        var addresses = Enumerable.Range(0, 11).Select(i => $"u{i}@example.com").ToArray();
        Assert.Equal("EmailAddresses", Assert.Single(VoicemailSettingsValidator.Validate(On(EmailNotification.Attachment, AfterNotification.LeaveAsNew, addresses))).Field);
    }

    [Fact]
    public void Validate_DisplayNameAddress_Accepted()
        => Assert.Empty(VoicemailSettingsValidator.Validate(On(EmailNotification.Attachment, AfterNotification.MoveToSaved, "Ellen Green <ellen@example.com>")));

    [Fact]
    public void Validate_UndefinedEnums_NamedFields()
    {
        var errors = VoicemailSettingsValidator.Validate(new VoicemailSettings { Notification = (EmailNotification)9, AfterNotification = (AfterNotification)9, EmailAddresses = ["a@example.com"] });
        Assert.Contains(errors, e => e.Field == "Notification");
        Assert.Contains(errors, e => e.Field == "AfterNotification");
    }

    [Fact]
    public void ThrowIfInvalid_Invalid_ThrowsWithField()
    {
        var ex = Assert.Throws<VoicemailValidationException>(() => VoicemailSettingsValidator.ThrowIfInvalid(On(EmailNotification.Hyperlink, AfterNotification.MoveToTrash, "a@example.com")));
        Assert.Equal("AfterNotification", ex.Field);
        Assert.StartsWith("AfterNotification: ", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(ex);
    }

    [Fact]
    public void Equals_SameAddresses_ValueEqual()
        => Assert.Equal(On(EmailNotification.Attachment, AfterNotification.LeaveAsNew, "a@example.com"), On(EmailNotification.Attachment, AfterNotification.LeaveAsNew, "a@example.com"));
}
