using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K7.Voicemail.Settings;

namespace K7.Voicemail.Tests.Settings;

public sealed class VoicemailSettingsPropertyTests
{
    private static readonly Gen<VoicemailSettings> Settings =
        from enabled in ArbMap.Default.GeneratorFor<bool>()
        from sort in ArbMap.Default.GeneratorFor<bool>()
        from time in ArbMap.Default.GeneratorFor<bool>()
        from callerId in ArbMap.Default.GeneratorFor<bool>()
        from type in Gen.Elements(Enum.GetValues<EmailNotification>())
        from after in Gen.Elements(Enum.GetValues<AfterNotification>())
        from count in Gen.Choose(1, 3)
        select new VoicemailSettings
        {
            Enabled = enabled,
            SortLatestFirst = sort,
            AnnounceReceivedTime = time,
            AnnounceCallerId = callerId,
            Notification = type,
            AfterNotification = after,
            EmailAddresses = [.. Enumerable.Range(0, count).Select(i => $"user{i}@example.com")],
        };

    [Property(MaxTest = 300)]
    public Property Validate_AnyCombination_AllowedIffMatrixSaysSo()
        => Prop.ForAll(Settings.ToArbitrary(), s =>
        {
            var errors = VoicemailSettingsValidator.Validate(s);
            var allowed = VoicemailSettingsValidator.IsAllowed(s.Notification, s.AfterNotification);
            var refusedRightly = !allowed && errors.Count == 1 && errors[0].Field == "AfterNotification" && errors[0].Reason.Length > 0;
            return allowed ? errors.Count == 0 : refusedRightly;
        });

    [Fact]
    public void IsAllowed_FullMatrix_OnlyHyperlinkToTrashRefused()
    {
        foreach (var type in Enum.GetValues<EmailNotification>())
        {
            foreach (var after in Enum.GetValues<AfterNotification>())
            {
                var expected = !(type is EmailNotification.Hyperlink or EmailNotification.BriefHyperlink && after == AfterNotification.MoveToTrash);
                Assert.Equal(expected, VoicemailSettingsValidator.IsAllowed(type, after));
            }
        }
    }
}
