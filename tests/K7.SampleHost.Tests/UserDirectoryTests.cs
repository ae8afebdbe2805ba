using System.Collections.Immutable;
using K7.SampleHost.Domain;

namespace K7.SampleHost.Tests;

public sealed class UserDirectoryTests
{
    [Fact]
    public void SipPasswords_AreFoundByPhone_AfterEveryChange_AndAfterALoad()
    {
        var path = Path.Combine(Path.GetTempPath(), "k7-users-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        try
        {
            var users = new UserDirectory(path);
            users.Put(User("202", ("202", "desk-secret"), ("202wp", "web-secret")));
            users.Put(User("203", ("203", "gary-secret")));
            Assert.Equal(("202", "web-secret"), Found(users, "202wp"));

            users.Update("202", u => u with { SipPasswords = u.SipPasswords.Remove("202wp").SetItem("202m", "mobile-secret") });
            Assert.Null(users.FindSipPassword("202wp"));
            Assert.Equal(("202", "mobile-secret"), Found(users, "202m"));

            var reloaded = new UserDirectory(path);
            Assert.Equal(("203", "gary-secret"), Found(reloaded, "203"));
            Assert.Equal(("202", "mobile-secret"), Found(reloaded, "202m"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void APhoneClaimedByTwoUsers_IsRefused_AndNothingIsSaved()
    {
        var path = Path.Combine(Path.GetTempPath(), "k7-users-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        try
        {
            var users = new UserDirectory(path);
            users.Put(User("202", ("202", "desk-secret")));
            var before = File.ReadAllBytes(path);
            Assert.ThrowsAny<ArgumentException>(() => users.Put(User("203", ("202", "stolen"))));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Null(users.Find("203"));
            Assert.Equal(("202", "desk-secret"), Found(users, "202"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (string, string)? Found(UserDirectory users, string phone) =>
        users.FindSipPassword(phone) is { } found ? (found.User.Extension, found.Password) : null;

    private static PortalUser User(string extension, params (string Phone, string Password)[] phones) => new()
    {
        Extension = extension,
        Login = extension + "@k7.example",
        FirstName = "User",
        LastName = extension,
        TimeZone = "America/New_York",
        PasswordHash = new PasswordHashing(iterations: 1).Hash("Not-used-here1"),
        SipPasswords = phones.ToImmutableSortedDictionary(p => p.Phone, p => p.Password, StringComparer.Ordinal),
    };
}
