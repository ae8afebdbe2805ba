using K7.Sip.Authentication;

namespace K7.Sip.Tests.Authentication;

public class InMemoryCredentialStoreTests
{
    [Fact]
    public async Task AddSetRemove_Work()
    {
        var store = new InMemoryCredentialStore();
        store.Add("202", SipCredential.FromPassword("a"));

        Assert.Throws<ArgumentException>(() => store.Add("202", SipCredential.FromPassword("b")));
        store.Set("202", SipCredential.FromPassword("c"));
        Assert.Equal("c", (await store.FindAsync("202", "r"))?.Password);
        Assert.Null(await store.FindAsync("202WP", "r"));
        Assert.True(store.Remove("202"));
        Assert.False(store.Remove("202"));
        Assert.Null(await store.FindAsync("202", "r"));
    }

    [Fact]
    public async Task FindAsync_Ha1Credential_OnlyForItsRealm()
    {
        var store = new InMemoryCredentialStore();
        store.Add("202", SipCredential.FromHa1("pbx", DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "202", "pbx", "pw"), null));

        var found = await store.FindAsync("202", "pbx");

        Assert.NotNull(found);
        Assert.True(found.Supports(DigestAlgorithm.Md5));
        Assert.False(found.Supports(DigestAlgorithm.Sha256));
        Assert.Null(await store.FindAsync("202", "other"));
    }

    [Fact]
    public void FromHa1_BadHash_Throws()
    {
        Assert.Throws<ArgumentException>(() => SipCredential.FromHa1("r", null, null));
        Assert.Throws<ArgumentException>(() => SipCredential.FromHa1("r", "abc", null));
        Assert.Throws<ArgumentException>(() => SipCredential.FromHa1("r", null, new string('a', 32)));
    }
}
