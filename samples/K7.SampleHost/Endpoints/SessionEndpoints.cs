using System.Security.Claims;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>Sign-in: login name and password, then a TOTP code when multi-factor sign-in is on; bearer tokens.</summary>
internal static class SessionEndpoints
{
    /// <summary>The problem type of a sign-in that needs a code from the authenticator app.</summary>
    public const string MfaRequiredType = "https://k7.example/problems/mfa-required";

    public static void Map(RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Sign-in").AllowAnonymous();
        session.MapPost("/", SignIn)
            .WithSummary("Sign in")
            .WithDescription("Login name (`202@k7.example`, or the bare extension) and password; `code` is the 6-digit code of the authenticator app when multi-factor sign-in is on. Answers a bearer token for the `Authorization` header.");
        session.MapPost("/refresh", Refresh).WithSummary("Exchange a refresh token for a new access token");
    }

    internal static Results<SignInHttpResult, ProblemHttpResult, ValidationProblem> SignIn(SignInRequest request, UserDirectory users, SignInThrottle throttle, PasswordHashing passwords, IClock clock)
    {
        if (string.IsNullOrWhiteSpace(request.Login))
        {
            return ApiProblems.Field("login", "The login name is required.");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Field("password", "The password is required.");
        }

        // Counted per user (202 and 202@k7.example are one), or per login name as typed when there is no such user.
        var user = users.FindByLogin(request.Login.Trim());
        var login = user?.Extension ?? request.Login.Trim();
        if (throttle.IsLocked(login, out var until))
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetCurrentInstant()).TotalMinutes));
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins.",
                detail: $"This login is locked after {SignInThrottle.MaxFailures} failed sign-ins in a row; try again in {minutes} minute(s).",
                extensions: new Dictionary<string, object?> { ["field"] = "login", ["retryAfterSeconds"] = (int)Math.Ceiling((until - clock.GetCurrentInstant()).TotalSeconds) });
        }

        var verified = user is null ? PasswordVerificationResult.Failed : passwords.Verify(request.Password, user.PasswordHash);
        if (user is null || verified == PasswordVerificationResult.Failed)
        {
            throttle.Failed(login);
            return ApiProblems.Unauthorized("The login name or the password is wrong.", "password");
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Made with fewer iterations than now configured: hash it again while the password is at hand.
            user = users.Update(user.Extension, u => u with { PasswordHash = passwords.Hash(request.Password) });
        }

        if (user.TotpEnabled && user.TotpSecret is { } secret)
        {
            if (string.IsNullOrWhiteSpace(request.Code))
            {
                return ApiProblems.Unauthorized("Enter the 6-digit code of your authenticator app.", "code", MfaRequiredType);
            }

            if (!MultiFactor.Verify(secret, request.Code, clock.GetCurrentInstant(), user.TotpLastStep, out var step))
            {
                throttle.Failed(login);
                return ApiProblems.Unauthorized("The code is wrong, expired, or already used.", "code", MfaRequiredType);
            }

            user = users.Update(user.Extension, u => u with { TotpLastStep = step });
        }

        throttle.Succeeded(login);
        return TypedResults.SignIn(Principal(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    internal static Results<SignInHttpResult, ProblemHttpResult> Refresh(RefreshRequest request, UserDirectory users, IOptionsMonitor<BearerTokenOptions> options, IClock clock)
    {
        var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetCurrentInstant().ToDateTimeOffset())
        {
            return ApiProblems.Unauthorized("The refresh token is not valid or has expired; sign in again.", "refreshToken");
        }

        try
        {
            var user = UserScope.SignedIn(ticket.Principal, users);
            return TypedResults.SignIn(Principal(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }
        catch (PortalAccessException e)
        {
            return ApiProblems.Unauthorized(e.Message, "refreshToken");
        }
    }

    private static ClaimsPrincipal Principal(PortalUser user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Login),
            new Claim(UserScope.ExtensionClaim, user.Extension),
            new Claim(UserScope.StampClaim, user.SecurityStamp),
            new Claim(ClaimTypes.Role, user.Role == PortalRole.OfficeManager ? "office-manager" : "user"),
        ],
        BearerTokenDefaults.AuthenticationScheme));

    internal sealed record SignInRequest(string Login, string Password, string? Code = null);

    internal sealed record RefreshRequest(string RefreshToken);
}
