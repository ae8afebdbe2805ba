using FsCheck.Xunit;
using K7.Sip.Registrar;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Registrar;

/// <summary>
/// The registrar invariant, checked against a reference model after every step of random scenarios: a binding exists
/// (Lookup returns it) iff a successful REGISTER added or refreshed it within its expiry and nothing removed it since.
/// </summary>
public sealed class LocationServicePropertyTests
{
    private const int MinExpires = 60;
    private const int MaxExpires = 3600;
    private const int DefaultExpires = 1800;
    private const int MaxPerAor = 3;
    private const int MaxTotal = 5;

    [Property(MaxTest = 500, Arbitrary = new[] { typeof(RegistrarGenerators) })]
    public void Operations_RandomScenario_MatchReferenceModelAtEveryStep(RegistrarScenario scenario)
    {
        var clock = new FakeClock(RegistrarFixtures.Start);
        var sut = new LocationService(
            new RegistrarOptions { MinExpires = MinExpires, MaxExpires = MaxExpires, DefaultExpires = DefaultExpires, MaxContactsPerAor = MaxPerAor, MaxBindingsTotal = MaxTotal },
            clock);
        var model = new Model();
        var fromEvents = new HashSet<Binding>(ReferenceEqualityComparer.Instance);
        sut.BindingChanged += (_, e) => Track(fromEvents, e.Change);

        foreach (var op in scenario.Ops)
        {
            var now = clock.GetCurrentInstant();
            switch (op)
            {
                case RegisterOp r:
                    Assert.Equal(model.Register(r, now), sut.Register(ToRequest(r)).StatusCode);
                    break;
                case WildcardOp w:
                    Assert.Equal(model.Wildcard(w, now), sut.Register(ToRequest(w)).StatusCode);
                    break;
                case RemoveOp rm:
                    Assert.Equal(model.Remove(rm), sut.Remove(RegistrarGenerators.Aors[rm.Aor], RegistrarGenerators.Uris[rm.Uri]));
                    break;
                case AdvanceOp a:
                    clock.AdvanceSeconds(a.Seconds);
                    break;
                case PurgeOp:
                    Assert.Equal(model.Purge(now), sut.PurgeExpired().Count);
                    break;
            }

            now = clock.GetCurrentInstant();
            for (var aor = 0; aor < RegistrarGenerators.Aors.Length; aor++)
            {
                var expected = model.Active(aor, now).Select(Describe).Order(StringComparer.Ordinal);
                var actual = sut.Lookup(RegistrarGenerators.Aors[aor]);
                Assert.Equal(expected, actual.Select(Describe).Order(StringComparer.Ordinal));
                Assert.All(actual, b => Assert.True(b.ExpiresAt > now));
                Assert.Equal(actual.OrderByDescending(b => b.Q ?? 1m).ThenByDescending(b => b.UpdatedAt), actual);
            }

            Assert.Equal(model.StoredCount, sut.Count);
            Assert.Equal(model.StoredCount, fromEvents.Count);
        }
    }

    private static void Track(HashSet<Binding> bindings, BindingChange change)
    {
        switch (change.Kind)
        {
            case BindingChangeKind.Added:
                Assert.True(bindings.Add(change.Binding));
                break;
            case BindingChangeKind.Refreshed or BindingChangeKind.Updated:
                Assert.True(bindings.Remove(change.Previous!));
                Assert.True(bindings.Add(change.Binding));
                break;
            default:
                Assert.True(bindings.Remove(change.Binding));
                break;
        }
    }

    private static string Describe(Binding b) => $"{b.Aor} {b.ContactUri} {b.ExpiresAt} {b.CallId}/{b.CSeq}";

    private static string Describe(ModelBinding b) => $"{b.Aor} {b.Uri} {b.ExpiresAt} {b.CallId}/{b.CSeq}";

    private static RegisterRequest ToRequest(RegisterOp r) => new()
    {
        Aor = RegistrarGenerators.Aors[r.Aor],
        CallId = r.CallId,
        CSeq = r.CSeq,
        Expires = r.Expires,
        Contacts = [.. r.Contacts.Select(c => new RegisterContact { Uri = RegistrarGenerators.Uris[c.Uri], Expires = c.Expires })],
        Source = RegistrarFixtures.Udp,
    };

    private static RegisterRequest ToRequest(WildcardOp w) => new()
    {
        Aor = RegistrarGenerators.Aors[w.Aor],
        CallId = w.CallId,
        CSeq = w.CSeq,
        Expires = w.Expires,
        IsWildcard = true,
        Source = RegistrarFixtures.Udp,
    };

    private sealed record ModelBinding(string Aor, int Class, string Uri, Instant ExpiresAt, string CallId, uint CSeq);

    /// <summary>The rules, written plainly: per AOR the stored bindings, including expired ones until a purge or a successful REGISTER of that AOR drops them.</summary>
    private sealed class Model
    {
        private readonly List<ModelBinding>[] _stored = [.. RegistrarGenerators.Aors.Select(_ => new List<ModelBinding>())];

        public int StoredCount => _stored.Sum(s => s.Count);

        public IEnumerable<ModelBinding> Active(int aor, Instant now) => _stored[aor].Where(b => b.ExpiresAt > now);

        public int Register(RegisterOp r, Instant now)
        {
            if (r.Contacts.Length == 0)
            {
                return 200;
            }

            var granted = r.Contacts.Select(c => c.Expires ?? r.Expires ?? DefaultExpires).ToArray();
            if (granted.Any(e => e > 0 && e < MinExpires))
            {
                return 423;
            }

            var live = Active(r.Aor, now).ToList();
            var result = new List<ModelBinding>(live);
            for (var i = 0; i < r.Contacts.Length; i++)
            {
                var cls = RegistrarGenerators.UriClass[r.Contacts[i].Uri];
                var before = live.Find(b => b.Class == cls);
                if (before is not null && before.CallId == r.CallId && r.CSeq <= before.CSeq)
                {
                    return 500;
                }

                result.RemoveAll(b => b.Class == cls);
                if (granted[i] > 0)
                {
                    var expiresAt = now + Duration.FromSeconds(Math.Min(granted[i], MaxExpires));
                    result.Add(new ModelBinding(RegistrarGenerators.Aors[r.Aor], cls, RegistrarGenerators.Uris[r.Contacts[i].Uri], expiresAt, r.CallId, r.CSeq));
                }
            }

            if (result.Count > MaxPerAor && result.Count > live.Count)
            {
                return 403;
            }

            if (result.Count > _stored[r.Aor].Count && StoredCount - _stored[r.Aor].Count + result.Count > MaxTotal)
            {
                return 503;
            }

            _stored[r.Aor].Clear();
            _stored[r.Aor].AddRange(result);
            return 200;
        }

        public int Wildcard(WildcardOp w, Instant now)
        {
            if (w.Expires != 0)
            {
                return 400;
            }

            if (Active(w.Aor, now).Any(b => b.CallId == w.CallId && w.CSeq <= b.CSeq))
            {
                return 500;
            }

            _stored[w.Aor].Clear();
            return 200;
        }

        public bool Remove(RemoveOp rm) => _stored[rm.Aor].RemoveAll(b => b.Class == RegistrarGenerators.UriClass[rm.Uri]) > 0;

        public int Purge(Instant now) => _stored.Sum(s => s.RemoveAll(b => b.ExpiresAt <= now));
    }
}
