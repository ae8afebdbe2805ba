using System.Globalization;
using System.Text.Json;
using K7.Contacts;
using K7.Routing;
using K7.Sip.Devices;
using K7.TimeFrames;
using K7.Voicemail;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace K7.SampleHost.Api;

/// <summary>
/// Turns the packages' validation and format exceptions into RFC 7807 problem details that name the field (and the
/// line and position for files), so every endpoint reports bad input the same way. Anything else is a 500 without
/// internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = Describe(exception);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception })
            .ConfigureAwait(false);
    }

    /// <summary>The problem for an exception, or <see langword="null"/> when it is not the client's fault.</summary>
    internal static ProblemDetails? Describe(Exception exception) => exception switch
    {
        PortalAccessException e => new ProblemDetails
        {
            Status = e.Status,
            Title = e.Status switch { 401 => "Not signed in.", 404 => "Not found.", _ => "Not allowed." },
            Detail = e.Message,
        },
        RoutingValidationException e => Field(ApiNames.Field(e.Field), e.Reason),
        TimeFrameValidationException e => Field(ApiNames.Field(e.Field), e.Reason),
        ContactValidationException e => Field(ApiNames.Field(e.Field), e.Reason),
        VoicemailValidationException e => Field(ApiNames.Field(e.Field), e.Reason),
        DeviceValidationException e => Field(ApiNames.Field(e.Field), e.Reason),
        RoutingFormatException e => Positioned(e.Field ?? "body", e.Message, e.Line, e.Position),
        TimeFrameFormatException e => Positioned(e.Path ?? "body", e.Message, e.Line, e.Position),
        ContactFormatException e => ContactFile(e),
        NumberListImportException e => FileErrors(e.Errors.Select(x => (x.Line, x.Column, x.Reason)), "file", e.Message),
        VoicemailQuotaException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The mailbox is full.", Detail = e.Message },
        VoicemailFormatException e => Field("file", e.Message),
        BadHttpRequestException e when e.InnerException is JsonException json => Json(json),
        JsonException e => Json(e),
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request is not valid.", Detail = e.Message },
        _ => null,
    };

    private static HttpValidationProblemDetails Field(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = $"{field}: {reason}",
        };

    private static HttpValidationProblemDetails Positioned(string field, string message, long? line, long position)
    {
        var problem = Field(field, message);
        if (line is { } l)
        {
            problem.Extensions["line"] = l;
        }

        problem.Extensions["position"] = position;
        return problem;
    }

    private static HttpValidationProblemDetails Json(JsonException e)
    {
        var field = string.IsNullOrEmpty(e.Path) ? "body" : e.Path;
        var problem = Field(field, "The JSON is not valid here" + (e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})." : "."));
        if (e.LineNumber is { } n)
        {
            problem.Extensions["line"] = n + 1;
        }

        return problem;
    }

    private static HttpValidationProblemDetails ContactFile(ContactFormatException e) =>
        FileErrors(e.Errors.Select(x => ((long)x.Line, x.Field, x.Message)), e.Field ?? "file", e.Message);

    /// <summary>A file that was not imported: one entry per problem, keyed "line 7, Mobile Number" (or the fallback field).</summary>
    private static HttpValidationProblemDetails FileErrors(IEnumerable<(long Line, string? Column, string Message)> problems, string fallbackField, string message)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (line, column, text) in problems)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"line {line}") + (column is null ? string.Empty : ", " + column);
            errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, text] : [text];
        }

        if (errors.Count == 0)
        {
            errors[fallbackField] = [message];
        }

        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The file was not imported.",
            Detail = message,
        };
    }
}
