using Microsoft.AspNetCore.Http.HttpResults;

namespace K7.SampleHost.Api;

/// <summary>RFC 7807 problem details the API answers with: each names the field it is about.</summary>
public static class ApiProblems
{
    /// <summary>400 with one field error (<c>errors: { field: [reason] }</c>).</summary>
    public static ValidationProblem Field(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }, title: "The request is not valid.", detail: $"{field}: {reason}");

    /// <summary>400 with several field errors.</summary>
    public static ValidationProblem Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.", detail: string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));

    /// <summary>404 for a thing that does not exist (or that the caller may not see).</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);

    /// <summary>403 for a change the caller's role does not allow.</summary>
    public static ProblemHttpResult Forbidden(string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: why);

    /// <summary>409 for a change that clashes with the current state (a name in use, an extension taken).</summary>
    public static ProblemHttpResult Conflict(string field, string why) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict.", detail: why, extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>401 for a failed sign-in or a wrong current password.</summary>
    public static ProblemHttpResult Unauthorized(string why, string? field = null, string? type = null) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Not signed in.",
            detail: why,
            type: type,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}
