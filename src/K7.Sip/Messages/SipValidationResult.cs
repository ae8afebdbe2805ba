namespace K7.Sip;

/// <summary>The verdict of <see cref="SipRequestValidator"/>: 0 when the request may be processed, otherwise the response to send.</summary>
/// <param name="StatusCode">0 for a valid request, otherwise the status code to answer with.</param>
/// <param name="ReasonPhrase">The reason phrase to answer with (empty when valid); says what is wrong.</param>
/// <param name="Headers">Headers the response must carry (Unsupported for 420, Accept for 415, Allow for 501).</param>
public sealed record SipValidationResult(int StatusCode, string ReasonPhrase, IReadOnlyList<SipHeader> Headers)
{
    /// <summary>Gets the result for a valid request.</summary>
    public static SipValidationResult Valid { get; } = new(0, string.Empty, []);

    /// <summary>Gets a value indicating whether the request may be processed.</summary>
    public bool IsValid => StatusCode == 0;

    /// <summary>Creates the response that this verdict calls for.</summary>
    /// <param name="request">The request that was validated.</param>
    /// <param name="toTag">The To tag to add, if any.</param>
    /// <returns>The response, carrying <see cref="Headers"/>.</returns>
    /// <exception cref="InvalidOperationException">The request was valid.</exception>
    public SipResponse CreateResponse(SipRequest request, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsValid)
        {
            throw new InvalidOperationException("The request is valid; there is no error response to create.");
        }

        var response = request.CreateResponse(StatusCode, ReasonPhrase, toTag);
        if (Headers.Count == 0)
        {
            return response;
        }

        var builder = response.Headers.ToBuilder();
        foreach (var h in Headers)
        {
            builder.Insert(builder.Count - 1, h.Name, h.Value);
        }

        return new SipResponse(StatusCode, ReasonPhrase, builder.Build());
    }
}
