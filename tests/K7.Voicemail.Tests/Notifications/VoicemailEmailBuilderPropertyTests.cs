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

    [Property(MaxTest = 300)]
    public bool GetLink_AnyIds_AbsoluteUriUnderPortal(NonNull<string> extension, NonNull<string> messageId)
    {
        var notification = Notification(VoicemailEmailKind.Hyperlink) with { Extension = extension.Get, MessageId = messageId.Get };

        var link = Builder.GetLink(notification);

        return link.IsAbsoluteUri && link.Host == "portal.example.com" && link.AbsolutePath.Count(c => c == '/') == 3;
    }
}
