namespace K7.Sip.Registrar;

/// <summary>The result of <see cref="LocationService.Register(RegisterRequest)"/>: the response to send and what changed.</summary>
/// <remarks>
/// Status codes: 200 (applied, or a query), 400 (malformed request, see <see cref="Detail"/>), 403 (more than
/// <see cref="RegistrarOptions.MaxContactsPerAor"/> bindings), 423 (interval too brief, see <see cref="MinExpires"/>),
/// 500 (a request for a binding older than the stored one: out of order) and 503 (the service holds
/// <see cref="RegistrarOptions.MaxBindingsTotal"/> bindings). Anything but 200 changed nothing.
/// </remarks>
public sealed class RegisterOutcome
{
    private RegisterOutcome(int statusCode, string reasonPhrase, string? detail, int? minExpires, IReadOnlyList<Binding> bindings, IReadOnlyList<BindingChange> changes, IReadOnlyList<string> pathToEcho)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Detail = detail;
        MinExpires = minExpires;
        Bindings = bindings;
        Changes = changes;
        PathToEcho = pathToEcho;
    }

    /// <summary>Gets the status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the reason phrase of the response.</summary>
    public string ReasonPhrase { get; }

    /// <summary>Gets a value indicating whether the request succeeded (status 200).</summary>
    public bool IsSuccess => StatusCode == 200;

    /// <summary>Gets what is wrong and where, for a refused request (such as "Contact '*' needs 'Expires: 0'"); <see langword="null"/> on success.</summary>
    public string? Detail { get; }

    /// <summary>Gets the value of the Min-Expires header for a 423 response; otherwise <see langword="null"/>.</summary>
    public int? MinExpires { get; }

    /// <summary>Gets the bindings of the address of record after the request, in <see cref="LocationService.Lookup(string)"/> order, for the Contact headers of a 200 response (each with <c>expires=</c><see cref="Binding.Remaining(NodaTime.Instant)"/>); empty for a refused request.</summary>
    public IReadOnlyList<Binding> Bindings { get; }

    /// <summary>Gets the changes the request made, in order (also raised as <see cref="LocationService.BindingChanged"/>); empty for a refused request.</summary>
    public IReadOnlyList<BindingChange> Changes { get; }

    /// <summary>Gets the Path values to copy into a 200 response (RFC 3327): the request's Path when it listed <c>path</c> in Supported; otherwise empty.</summary>
    public IReadOnlyList<string> PathToEcho { get; }

    /// <inheritdoc/>
    public override string ToString() => Detail is null ? $"{StatusCode} {ReasonPhrase}" : $"{StatusCode} {ReasonPhrase}: {Detail}";

    internal static RegisterOutcome Success(IReadOnlyList<Binding> bindings, IReadOnlyList<BindingChange> changes, IReadOnlyList<string> pathToEcho) =>
        new(200, "OK", null, null, bindings, changes, pathToEcho);

    internal static RegisterOutcome BadRequest(string detail) => Fail(400, "Bad Request", detail);

    internal static RegisterOutcome IntervalTooBrief(int minExpires, string detail) =>
        new(423, "Interval Too Brief", detail, minExpires, [], [], []);

    internal static RegisterOutcome Fail(int statusCode, string reasonPhrase, string detail) =>
        new(statusCode, reasonPhrase, detail, null, [], [], []);
}
