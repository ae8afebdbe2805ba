using FsCheck;
using FsCheck.Xunit;
using K7.Voicemail.Notifications;
using static K7.Voicemail.Tests.Notifications.NotificationTestData;

namespace K7.Voicemail.Tests.Notifications;

public sealed class VoicemailEmailBuilderPropertyTests
{
    private static readonly VoicemailEmailBuilder Builder = CreateBuilder();

    [Property(MaxTest = 300)]
    public async Task<bool> BuildAsync_AnyCaller_BriefBodyWithinLimit(NonNull<string> callerName, NonNull<string> callerNumber, PositiveInt seconds)
    {
        var notification = Notification(VoicemailEmailKind.BriefHyperlink) with
        {
            CallerName = callerName.Get,
            CallerNumber = callerNumber.Get,
            Duration = NodaTime.Duration.FromSeconds(seconds.Get),
        };

        var message = RoundTrip(await Builder.BuildAsync(notification));

        var text = message.TextBody!.TrimEnd('\r', '\n').ReplaceLineEndings("\n");
        return text.Length <= VoicemailEmailBuilder.BriefTextMaxLength && text.Split('\n').Length == 3;
    }

    [Property(MaxTest = 300)]
    public async Task<bool> BuildAsync_AnyCallerName_HtmlHasOnlyOwnMarkup(NonNull<string> callerName)
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { CallerName = "<b>" + callerName.Get + "\"&" };

        var message = RoundTrip(await Builder.BuildAsync(notification));

        var html = message.HtmlBody!;
        return !html.Contains("<b>", StringComparison.Ordinal) && html.Contains("&lt;b&gt;", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void GetLink_DotSegmentId_Refused(string id)
    {
        // Found by the property below: "/messages/./6" is normalized to "/messages/6".
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Extension = id };
        var ex = Assert.Throws<ArgumentException>(() => Builder.GetLink(notification));
        Assert.Contains("Extension", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public bool GetLink_AnyIds_AbsoluteUriUnderPortal(NonNull<string> extension, NonNull<string> messageId)
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Extension = extension.Get, MessageId = messageId.Get };
        static bool Refused(string id) => id.Length == 0 || id is "." or ".." || id.Any(char.IsControl);
        if (Refused(extension.Get) || Refused(messageId.Get))
        {
            // Ids a link cannot carry (empty, control characters, dot segments that URI normalization would remove).
            return Throws(() => Builder.GetLink(notification));
        }

        var link = Builder.GetLink(notification);

        return link.IsAbsoluteUri && link.Host == "portal.example.com" && link.AbsolutePath.Count(c => c == '/') == 3;
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
