using System.Net;
using K7.Sip.Registrar;
using Microsoft.Extensions.Options;
using NodaTime;
using static K7.Sip.Tests.Registrar.RegistrarFixtures;

namespace K7.Sip.Tests.Registrar;

public sealed class LocationServiceTests
{
    private const string Phone = "sip:202wp@192.0.2.10:5060;transport=udp";
    private const string Softphone = "sip:202wp@198.51.100.7:40000;transport=tcp";

    [Fact]
    public void Register_NewContact_AddsBindingWithDefaultExpiry()
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, Phone));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal("OK", outcome.ReasonPhrase);
        Assert.True(outcome.IsSuccess);
        Assert.Null(outcome.Detail);
        var binding = Assert.Single(outcome.Bindings);
        Assert.Equal(Phone, binding.ContactUri);
        Assert.Equal(Aor, binding.Aor);
        Assert.Equal(Start + Duration.FromSeconds(3600), binding.ExpiresAt);
        Assert.Equal(Start, binding.RegisteredAt);
        Assert.Equal(3600, binding.Remaining(Start));
        Assert.Equal("c1", binding.CallId);
        Assert.Equal(1u, binding.CSeq);
        Assert.Equal("Yealink T54W", binding.UserAgent);
        Assert.Equal(Udp, binding.Source);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(BindingChangeKind.Added, change.Kind);
        Assert.Same(binding, change.Binding);
        Assert.Same(binding, Assert.Single(sut.Lookup(Aor)));
        Assert.Equal(1, sut.Count);
        Assert.Equal([Aor], sut.Aors);
    }

    [Fact]
    public void Register_ContactUriWithParametersAndHeaders_KeptExactly()
    {
        var (sut, _) = CreateSut();
        const string Uri = "sip:202wp@192.0.2.10:5060;transport=udp;line=abc;ob?X-Tag=a%20b";

        var outcome = sut.Register(Request("c1", 1, Uri));

        Assert.Equal(Uri, Assert.Single(outcome.Bindings).ContactUri);
    }

    [Fact]
    public void Register_SameCallIdHigherCSeq_Refreshes()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 1, Phone));
        clock.AdvanceSeconds(1800);

        var outcome = sut.Register(Request("c1", 2, Phone));

        Assert.Equal(200, outcome.StatusCode);
        var binding = Assert.Single(outcome.Bindings);
        Assert.Equal(Start, binding.RegisteredAt);
        Assert.Equal(Start + Duration.FromSeconds(1800), binding.UpdatedAt);
        Assert.Equal(Start + Duration.FromSeconds(1800 + 3600), binding.ExpiresAt);
        Assert.Equal(2u, binding.CSeq);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(BindingChangeKind.Refreshed, change.Kind);
        Assert.Equal(Start + Duration.FromSeconds(3600), change.Previous!.ExpiresAt);
    }

    [Fact]
    public void Register_EquivalentUriWrittenDifferently_RefreshesSameBinding()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, "sip:202wp@Phone.Example.COM:5060;transport=UDP;foo=1"));

        var outcome = sut.Register(Request("c1", 2, "SIP:202wp@phone.example.com:5060;transport=udp;bar=2"));

        Assert.Equal(BindingChangeKind.Updated, Assert.Single(outcome.Changes).Kind);
        Assert.Single(sut.Lookup(Aor));
    }

    [Fact]
    public void Register_SeveralContacts_LookupOrdersByQThenMostRecent()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 1, null, Contact("sip:a@192.0.2.1", q: 0.5m), Contact("sip:b@192.0.2.2", q: 1.0m)));
        clock.AdvanceSeconds(10);
        sut.Register(Request("c2", 1, null, Contact("sip:c@192.0.2.3", q: 0.5m), Contact("sip:d@192.0.2.4")));

        var uris = sut.Lookup(Aor).Select(b => b.ContactUri).ToArray();

        // d has no q (ordered as 1.0) and is newer than b; c is newer than a.
        Assert.Equal(["sip:d@192.0.2.4", "sip:b@192.0.2.2", "sip:c@192.0.2.3", "sip:a@192.0.2.1"], uris);
        Assert.Equal(0.5m, sut.Lookup(Aor)[2].Q);
        Assert.Null(sut.Lookup(Aor)[0].Q);
    }

    [Fact]
    public void Register_ContactExpiresParameter_WinsOverExpiresHeader()
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, 600, Contact("sip:a@192.0.2.1", expires: 120), Contact("sip:b@192.0.2.2")));

        var byUri = outcome.Bindings.ToDictionary(b => b.ContactUri);
        Assert.Equal(120, byUri["sip:a@192.0.2.1"].Remaining(Start));
        Assert.Equal(600, byUri["sip:b@192.0.2.2"].Remaining(Start));
    }

    [Fact]
    public void Register_ExpiresZeroForExistingContact_RemovesIt()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone, Softphone));

        var outcome = sut.Register(Request("c1", 2, null, Contact(Phone, expires: 0)));

        Assert.Equal(200, outcome.StatusCode);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(BindingChangeKind.Removed, change.Kind);
        Assert.Equal(Phone, change.Binding.ContactUri);
        Assert.Equal(Softphone, Assert.Single(outcome.Bindings).ContactUri);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Register_ExpiresHeaderZeroForUnknownContact_ChangesNothing()
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, 0, Contact(Phone)));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Empty(outcome.Changes);
        Assert.Empty(outcome.Bindings);
        Assert.Equal(0, sut.Count);
        Assert.Empty(sut.Aors);
    }

    [Fact]
    public void Register_NoContacts_ReturnsCurrentBindingsWithoutChange()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone));

        var outcome = sut.Register(Request("other", 1, (int?)null));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Empty(outcome.Changes);
        Assert.Equal(Phone, Assert.Single(outcome.Bindings).ContactUri);
    }

    [Fact]
    public void Register_WildcardWithExpiresZero_RemovesAllBindings()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone));
        sut.Register(Request("c2", 7, Softphone));

        var outcome = sut.Register(Wildcard("c1", 2));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(2, outcome.Changes.Count);
        Assert.All(outcome.Changes, c => Assert.Equal(BindingChangeKind.Removed, c.Kind));
        Assert.Empty(outcome.Bindings);
        Assert.Empty(sut.Lookup(Aor));
        Assert.Equal(0, sut.Count);
        Assert.Empty(sut.Aors);
    }

    [Fact]
    public void Register_WildcardWithOtherContacts_Returns400()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone));

        var outcome = sut.Register(Wildcard("c1", 2) with { Contacts = [Contact(Softphone)] });

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal("Bad Request", outcome.ReasonPhrase);
        Assert.Contains("Contact '*' must be the only contact", outcome.Detail);
        Assert.Contains(Softphone, outcome.Detail);
        Assert.Single(sut.Lookup(Aor));
    }

    [Theory]
    [InlineData(null, "no Expires header")]
    [InlineData(3600, "'Expires: 3600'")]
    public void Register_WildcardWithoutExpiresZero_Returns400(int? expires, string expected)
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone));

        var outcome = sut.Register(Wildcard("c1", 2, expires));

        Assert.Equal(400, outcome.StatusCode);
        Assert.StartsWith("Contact '*' needs 'Expires: 0'", outcome.Detail);
        Assert.Contains(expected, outcome.Detail);
        Assert.Single(sut.Lookup(Aor));
    }

    [Fact]
    public void Register_WildcardSameCallIdNotHigherCSeq_Returns500AndKeepsAll()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c2", 1, Softphone));
        sut.Register(Request("c1", 5, Phone));

        var outcome = sut.Register(Wildcard("c1", 5));

        Assert.Equal(500, outcome.StatusCode);
        Assert.Contains("out of order", outcome.Detail);
        Assert.Equal(2, sut.Lookup(Aor).Count);
    }

    [Fact]
    public void Register_BelowMinExpires_Returns423WithMinExpiresAndAppliesNothing()
    {
        var (sut, _) = CreateSut(o => o.MinExpires = 60);

        var outcome = sut.Register(Request("c1", 1, 3600, Contact(Phone), Contact(Softphone, expires: 30)));

        Assert.Equal(423, outcome.StatusCode);
        Assert.Equal("Interval Too Brief", outcome.ReasonPhrase);
        Assert.Equal(60, outcome.MinExpires);
        Assert.Contains("Contact #2", outcome.Detail);
        Assert.Empty(outcome.Changes);
        Assert.Empty(sut.Lookup(Aor));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void Register_ExactlyMinExpires_Accepted()
    {
        var (sut, _) = CreateSut(o => o.MinExpires = 60);

        Assert.Equal(200, sut.Register(Request("c1", 1, 60, Contact(Phone))).StatusCode);
    }

    [Fact]
    public void Register_AboveMaxExpires_ClampedToMax()
    {
        var (sut, _) = CreateSut(o => o.MaxExpires = 3600);

        var outcome = sut.Register(Request("c1", 1, 86400, Contact(Phone)));

        Assert.Equal(3600, Assert.Single(outcome.Bindings).Remaining(Start));
    }

    [Fact]
    public void Register_SameCallIdLowerCSeq_Returns500AndAppliesNothing()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 5, Phone));

        var outcome = sut.Register(Request("c1", 4, null, Contact(Softphone), Contact(Phone, expires: 0)));

        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal("Server Internal Error", outcome.ReasonPhrase);
        Assert.Contains("CSeq 4", outcome.Detail);
        Assert.Contains("CSeq 5", outcome.Detail);
        Assert.Empty(outcome.Changes);
        Assert.Equal(Phone, Assert.Single(sut.Lookup(Aor)).ContactUri);
    }

    [Fact]
    public void Register_SameCallIdSameCSeq_Returns500()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 5, Phone));

        Assert.Equal(500, sut.Register(Request("c1", 5, Phone)).StatusCode);
    }

    [Fact]
    public void Register_NewCallIdLowerCSeq_ReplacesBinding()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 5, Phone));
        clock.AdvanceSeconds(30);

        var outcome = sut.Register(Request("after-reboot", 1, Phone));

        Assert.Equal(200, outcome.StatusCode);
        var change = Assert.Single(outcome.Changes);
        Assert.Equal(BindingChangeKind.Updated, change.Kind);
        Assert.Equal("c1", change.Previous!.CallId);
        var binding = Assert.Single(sut.Lookup(Aor));
        Assert.Equal("after-reboot", binding.CallId);
        Assert.Equal(1u, binding.CSeq);
        Assert.Equal(clock.GetCurrentInstant(), binding.RegisteredAt);
    }

    [Fact]
    public void Register_NewCallIdExpiresZero_RemovesBinding()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 5, Phone));

        var outcome = sut.Register(Request("c9", 1, 0, Contact(Phone)));

        Assert.Equal(BindingChangeKind.Removed, Assert.Single(outcome.Changes).Kind);
        Assert.Empty(sut.Lookup(Aor));
    }

    [Fact]
    public void Register_SameContactTwiceInOneRequest_LastWinsWithoutOrderingError()
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, null, Contact(Phone, expires: 120), Contact(Phone, expires: 600)));

        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(600, Assert.Single(outcome.Bindings).Remaining(Start));
    }

    [Fact]
    public void Lookup_AfterExpiry_ReturnsNothingWithoutAnyRequest()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 1, 120, Contact(Phone)));

        clock.AdvanceSeconds(119);
        Assert.Equal(1, Assert.Single(sut.Lookup(Aor)).Remaining(clock.GetCurrentInstant()));
        clock.AdvanceSeconds(1);

        Assert.Empty(sut.Lookup(Aor));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void PurgeExpired_AfterClockAdvance_RemovesAndRaisesExpired()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 1, null, Contact(Phone, expires: 120), Contact(Softphone, expires: 600)));
        sut.Register(new RegisterRequest { Aor = "sip:203@example.com", CallId = "x", CSeq = 1, Expires = 60, Contacts = [Contact("sip:203@192.0.2.99")], Source = Udp });
        var raised = new List<BindingChange>();
        sut.BindingChanged += (_, e) => raised.Add(e.Change);

        Assert.Empty(sut.PurgeExpired());
        clock.AdvanceSeconds(120);
        var changes = sut.PurgeExpired();

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(BindingChangeKind.Expired, c.Kind));
        Assert.Equal(["sip:202wp@192.0.2.10:5060;transport=udp", "sip:203@192.0.2.99"], changes.Select(c => c.Binding.ContactUri).Order(StringComparer.Ordinal));
        Assert.Equal(changes, raised);
        Assert.Equal(1, sut.Count);
        Assert.Equal([Aor], sut.Aors);
        Assert.Empty(sut.PurgeExpired());
    }

    [Fact]
    public void Register_WithExpiredBindingNotPurged_ReportsItExpired()
    {
        var (sut, clock) = CreateSut();
        sut.Register(Request("c1", 1, 60, Contact(Phone)));
        clock.AdvanceSeconds(61);

        var outcome = sut.Register(Request("c1", 2, Softphone));

        Assert.Equal([BindingChangeKind.Expired, BindingChangeKind.Added], outcome.Changes.Select(c => c.Kind));
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Register_PathWithSupported_StoredAndEchoed()
    {
        var (sut, _) = CreateSut();
        string[] path = ["<sip:edge1.example.net;lr>", "<sip:edge2.example.net;lr>"];

        var outcome = sut.Register(Request("c1", 1, Phone) with { Path = path, PathSupported = true });

        Assert.Equal(path, outcome.PathToEcho);
        Assert.Equal(path, Assert.Single(sut.Lookup(Aor)).Path);
    }

    [Fact]
    public void Register_PathWithoutSupported_StoredNotEchoed()
    {
        var (sut, _) = CreateSut();
        string[] path = ["<sip:edge1.example.net;lr>"];

        var outcome = sut.Register(Request("c1", 1, Phone) with { Path = path });

        Assert.Empty(outcome.PathToEcho);
        Assert.Equal(path, Assert.Single(sut.Lookup(Aor)).Path);
    }

    [Fact]
    public void Register_SameInstanceIdNewUri_ReplacesBinding()
    {
        var (sut, _) = CreateSut();
        const string Instance = "\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"";
        sut.Register(Request("c1", 1, null, Contact(Phone, instance: Instance)));

        var outcome = sut.Register(Request("c1", 2, null, Contact("sip:202wp@203.0.113.5:6000", instance: Instance.ToLowerInvariant())));

        var change = Assert.Single(outcome.Changes);
        Assert.Equal(BindingChangeKind.Updated, change.Kind);
        Assert.Equal(Phone, change.Previous!.ContactUri);
        Assert.Equal("sip:202wp@203.0.113.5:6000", Assert.Single(sut.Lookup(Aor)).ContactUri);
    }

    [Fact]
    public void Register_DifferentInstanceIdsSameUri_TwoBindings()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, null, Contact(Phone, instance: "<urn:uuid:1>")));

        sut.Register(Request("c2", 1, null, Contact(Phone, instance: "<urn:uuid:2>")));

        Assert.Equal(2, sut.Lookup(Aor).Count);
    }

    [Fact]
    public void Register_BeyondMaxContactsPerAor_Returns403AndAppliesNothing()
    {
        var (sut, _) = CreateSut(o => o.MaxContactsPerAor = 2);
        sut.Register(Request("c1", 1, "sip:a@192.0.2.1", "sip:b@192.0.2.2"));

        var outcome = sut.Register(Request("c2", 1, "sip:a@192.0.2.1", "sip:c@192.0.2.3"));

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("at most 2", outcome.Detail);
        Assert.Equal(2, sut.Lookup(Aor).Count);
        Assert.DoesNotContain(sut.Lookup(Aor), b => b.CallId == "c2");
        Assert.Equal(200, sut.Register(Request("c2", 2, "sip:a@192.0.2.1")).StatusCode);
    }

    [Fact]
    public void Register_BeyondMaxBindingsTotal_Returns503UntilPurged()
    {
        var (sut, clock) = CreateSut(o => o.MaxBindingsTotal = 2);
        sut.Register(Request("c1", 1, 60, Contact("sip:a@192.0.2.1"), Contact("sip:b@192.0.2.2")));
        var other = new RegisterRequest { Aor = "sip:203@example.com", CallId = "x", CSeq = 1, Contacts = [Contact("sip:203@192.0.2.99")], Source = Udp };

        var full = sut.Register(other);
        clock.AdvanceSeconds(60);
        var stillFull = sut.Register(other with { CSeq = 2 });
        sut.PurgeExpired();
        var afterPurge = sut.Register(other with { CSeq = 3 });

        Assert.Equal(503, full.StatusCode);
        Assert.Equal("Service Unavailable", full.ReasonPhrase);
        Assert.Equal(503, stillFull.StatusCode);
        Assert.Equal(200, afterPurge.StatusCode);
        Assert.Equal(1, sut.Count);
    }

    [Theory]
    [InlineData("202wp@192.0.2.10", "is not a URI")]
    [InlineData("sip:", "is not a URI")]
    [InlineData("sip:202wp@", "is not a URI")]
    [InlineData("sip:202wp@host:99999", "is not a URI")]
    public void Register_ContactNotAUri_Returns400NamingIt(string uri, string expected)
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, Phone, uri));

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains($"Contact #2 '{uri}' {expected}", outcome.Detail);
        Assert.Empty(sut.Lookup(Aor));
    }

    [Fact]
    public void Register_QOutOfRange_Returns400()
    {
        var (sut, _) = CreateSut();

        var outcome = sut.Register(Request("c1", 1, null, Contact(Phone, q: 1.5m)));

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("q=1.5", outcome.Detail);
    }

    [Fact]
    public void Register_NegativeExpires_Returns400()
    {
        var (sut, _) = CreateSut();

        Assert.Equal(400, sut.Register(Request("c1", 1, -1, Contact(Phone))).StatusCode);
        Assert.Equal(400, sut.Register(Request("c1", 1, null, Contact(Phone, expires: -5))).StatusCode);
    }

    [Fact]
    public void Register_BrokenContract_Throws()
    {
        var (sut, _) = CreateSut();

        Assert.Throws<ArgumentNullException>(() => sut.Register(null!));
        Assert.Throws<ArgumentException>(() => sut.Register(Request("c1", 1, Phone) with { Aor = "" }));
        Assert.Throws<ArgumentException>(() => sut.Register(Request("", 1, Phone)));
        Assert.Throws<ArgumentNullException>(() => sut.Register(Request("c1", 1, null, [null!])));
    }

    [Fact]
    public void Remove_EquivalentUri_RemovesAndRaises()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone, Softphone));
        var raised = new List<BindingChange>();
        sut.BindingChanged += (_, e) => raised.Add(e.Change);

        Assert.True(sut.Remove(Aor, "sip:202wp@192.0.2.10:5060;TRANSPORT=UDP"));
        Assert.False(sut.Remove(Aor, Phone));
        Assert.False(sut.Remove("sip:nobody@example.com", Phone));
        Assert.False(sut.Remove(Aor, "not a uri"));

        Assert.Equal(BindingChangeKind.Removed, Assert.Single(raised).Kind);
        Assert.Equal(Softphone, Assert.Single(sut.Lookup(Aor)).ContactUri);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void BindingChanged_Register_RaisedForEveryChangeInOrder()
    {
        var (sut, _) = CreateSut();
        sut.Register(Request("c1", 1, Phone));
        var raised = new List<BindingChange>();
        sut.BindingChanged += (_, e) => raised.Add(e.Change);

        var outcome = sut.Register(Request("c1", 2, null, Contact(Phone, expires: 0), Contact(Softphone)));

        Assert.Equal(outcome.Changes, raised);
        Assert.Equal([BindingChangeKind.Removed, BindingChangeKind.Added], raised.Select(c => c.Kind));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingTheRule()
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateSut(o => o.DefaultExpires = 30));

        Assert.Contains("DefaultExpires (30)", ex.Message);
    }

    [Fact]
    public void Constructor_IOptions_UsesValues()
    {
        var sut = new LocationService(Options.Create(new RegistrarOptions { MinExpires = 300, DefaultExpires = 600 }), new NodaTime.Testing.FakeClock(Start));

        Assert.Equal(300, sut.Register(Request("c1", 1, 100, Contact(Phone))).MinExpires);
    }

    [Fact]
    public async Task Register_ParallelDistinctAors_AllBindingsPresent()
    {
        var (sut, _) = CreateSut();
        const int Aors = 200;
        const int PerAor = 5;
        var added = 0;
        sut.BindingChanged += (_, e) => Interlocked.Increment(ref added);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Parallel.ForAsync(0, Aors, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cts.Token }, (i, _) =>
        {
            for (var j = 0; j < PerAor; j++)
            {
                var request = new RegisterRequest
                {
                    Aor = $"sip:{i}@example.com",
                    CallId = $"call-{i}",
                    CSeq = (uint)(j + 1),
                    Contacts = [Contact($"sip:{i}@192.0.2.{j}:5060")],
                    Source = new RegisterSource("UDP", new IPEndPoint(IPAddress.Loopback, 5060 + j), new IPEndPoint(IPAddress.Loopback, 5060)),
                };
                Assert.Equal(200, sut.Register(request).StatusCode);
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(Aors * PerAor, sut.Count);
        Assert.Equal(Aors * PerAor, added);
        Assert.Equal(Aors, sut.Aors.Count);
        Assert.All(Enumerable.Range(0, Aors), i => Assert.Equal(PerAor, sut.Lookup($"sip:{i}@example.com").Count));
    }

    [Fact]
    public async Task Register_ParallelSameAor_CountsStayConsistent()
    {
        var (sut, clock) = CreateSut(o => o.MaxContactsPerAor = 100);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cts.Token }, (i, _) =>
        {
            var uri = $"sip:202wp@192.0.2.{i % 50}";
            sut.Register(Request($"call-{i}", 1, null, Contact(uri, expires: i % 3 == 0 ? 0 : 600)));
            if (i % 7 == 0)
            {
                sut.Register(Wildcard($"w-{i}", 1));
            }

            return ValueTask.CompletedTask;
        });

        Assert.Equal(sut.Lookup(Aor).Count, sut.Count);
        clock.AdvanceSeconds(600);
        sut.PurgeExpired();
        Assert.Equal(0, sut.Count);
        Assert.Empty(sut.Aors);
    }
}
