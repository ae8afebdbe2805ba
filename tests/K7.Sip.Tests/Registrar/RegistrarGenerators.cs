using FsCheck;
using FsCheck.Fluent;

namespace K7.Sip.Tests.Registrar;

/// <summary>One step of a registrar scenario.</summary>
public abstract record RegistrarOp;

/// <summary>A contact of a generated REGISTER: a URI of the pool and its <c>expires</c> parameter.</summary>
public sealed record OpContact(int Uri, int? Expires)
{
    public override string ToString() => Expires is null ? RegistrarGenerators.Uris[Uri] : $"{RegistrarGenerators.Uris[Uri]} expires={Expires}";
}

/// <summary>A REGISTER with contacts.</summary>
public sealed record RegisterOp(int Aor, string CallId, uint CSeq, int? Expires, OpContact[] Contacts) : RegistrarOp
{
    public override string ToString() => $"REGISTER {RegistrarGenerators.Aors[Aor]} {CallId}/{CSeq} Expires={Expires?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} [{string.Join(", ", Contacts.Select(c => c.ToString()))}]";
}

/// <summary>A REGISTER with <c>Contact: *</c>.</summary>
public sealed record WildcardOp(int Aor, string CallId, uint CSeq, int? Expires) : RegistrarOp;

/// <summary>An administrative removal.</summary>
public sealed record RemoveOp(int Aor, int Uri) : RegistrarOp;

/// <summary>Time passes.</summary>
public sealed record AdvanceOp(int Seconds) : RegistrarOp;

/// <summary>The periodic purge tick.</summary>
public sealed record PurgeOp : RegistrarOp;

/// <summary>A sequence of operations.</summary>
public sealed record RegistrarScenario(RegistrarOp[] Ops)
{
    public override string ToString() => string.Join(Environment.NewLine, Ops.Select(o => o.ToString()));
}

/// <summary>FsCheck generators of registrar scenarios over a small pool of AORs, URIs, Call-IDs and lifetimes, so that bindings collide often.</summary>
public static class RegistrarGenerators
{
    public static readonly string[] Aors = ["sip:x@example.com", "sip:y@example.com"];

    /// <summary>Contact URIs; <see cref="UriClass"/> gives their RFC 3261 equivalence classes.</summary>
    public static readonly string[] Uris =
    [
        "sip:a@192.0.2.1",
        "SIP:a@192.0.2.1;foo=bar",
        "sip:a@192.0.2.1;transport=tcp",
        "sip:A@192.0.2.1",
        "sip:b@192.0.2.2:5070",
        "sip:b@192.0.2.2:5070;ob",
    ];

    /// <summary>The equivalence class of each URI of <see cref="Uris"/>, written by hand from RFC 3261 §19.1.4.</summary>
    public static readonly int[] UriClass = [0, 0, 1, 2, 3, 3];

    public static Arbitrary<RegistrarScenario> Scenarios() => Arb.From(ScenarioGen());

    private static Gen<RegistrarScenario> ScenarioGen() =>
        from length in Gen.Choose(1, 40)
        from ops in Gen.ArrayOf(OpGen(), length)
        select new RegistrarScenario(ops);

    private static Gen<RegistrarOp> OpGen() =>
        Gen.Frequency(
            (8, RegisterGen()),
            (1, WildcardGen()),
            (1, from aor in Gen.Choose(0, Aors.Length - 1) from uri in Gen.Choose(0, Uris.Length - 1) select (RegistrarOp)new RemoveOp(aor, uri)),
            (4, Gen.Frequency((3, Gen.Choose(0, 120)), (2, Gen.Choose(500, 2000)), (1, Gen.Elements(3599, 3600, 3601))).Select(s => (RegistrarOp)new AdvanceOp(s))),
            (2, Gen.Constant((RegistrarOp)new PurgeOp())));

    private static Gen<string> CallIdGen() => Gen.Elements("c1", "c2", "c3");

    private static Gen<uint> CSeqGen() => Gen.Choose(1, 6).Select(n => (uint)n);

    private static Gen<RegistrarOp> RegisterGen() =>
        from aor in Gen.Choose(0, Aors.Length - 1)
        from callId in CallIdGen()
        from cseq in CSeqGen()
        from expires in Gen.Elements<int?>(null, null, 0, 30, 120, 5000)
        from count in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Choose(2, 3)), (1, Gen.Constant(0)))
        from contacts in Gen.ArrayOf(
            from uri in Gen.Choose(0, Uris.Length - 1)
            from contactExpires in Gen.Elements<int?>(null, null, null, 0, 30, 90, 7200)
            select new OpContact(uri, contactExpires),
            count)
        select (RegistrarOp)new RegisterOp(aor, callId, cseq, expires, contacts);

    private static Gen<RegistrarOp> WildcardGen() =>
        from aor in Gen.Choose(0, Aors.Length - 1)
        from callId in CallIdGen()
        from cseq in CSeqGen()
        from expires in Gen.Elements<int?>(0, 0, 0, null, 60)
        select (RegistrarOp)new WildcardOp(aor, callId, cseq, expires);
}
