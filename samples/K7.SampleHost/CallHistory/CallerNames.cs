using K7.Contacts;
using K7.SampleHost.Domain;

namespace K7.SampleHost.CallHistory;

/// <summary>Names a caller's number from the contact directory, as the user whose history it is sees it.</summary>
internal sealed class CallerNames(ContactDirectory directory, UserDirectory users)
{
    private const int Candidates = 20;

    /// <summary>The name of <paramref name="number"/> for <paramref name="viewer"/>, or <see langword="null"/> when no contact has it.</summary>
    public string? Find(string viewer, string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        if (!directory.IsLoaded)
        {
            return users.Find(number)?.DisplayName;
        }

        if (directory.FindUserByExtension(number) is { } user)
        {
            return user.DisplayName;
        }

        if (!directory.Numbers.TryNormalize(number, out var normalized, out _) || !ContactId.TryParse(viewer, out var viewerId))
        {
            return users.Find(number)?.DisplayName;
        }

        var matches = directory.Search(viewerId, new ContactQuery { Text = normalized, Take = Candidates });
        foreach (var match in matches.Items)
        {
            var c = match.Contact;
            if (normalized == c.Extension || normalized == c.WorkNumber || normalized == c.MobileNumber || normalized == c.HomeNumber || normalized == c.FaxNumber)
            {
                return c.DisplayName;
            }
        }

        return users.Find(number)?.DisplayName;
    }
}
