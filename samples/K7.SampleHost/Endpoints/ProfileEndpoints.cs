using System.Collections.Immutable;
using System.Net.Mail;
using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.Voicemail.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>The Profile page: name, time zone, directory options, e-mail addresses; password, voicemail PIN and multi-factor sign-in (each needs the current password).</summary>
internal static class ProfileEndpoints
{
    private const int MaxNameLength = 50;
    private const int MaxEmails = 5;

    public static void Map(RouteGroupBuilder user)
    {
        var profile = user.MapGroup("/profile").WithTags("Profile");
        profile.MapGet("/", Get).WithSummary("The profile");
        profile.MapPut("/", Update).WithSummary("Change name, time zone, directory options and e-mail addresses");
        profile.MapPost("/password", ChangePassword).WithSummary("Change the password (needs the current password)");
        profile.MapPost("/voicemail-pin", ChangePin).WithSummary("Change the voicemail PIN (needs the current password)");
        profile.MapPost("/mfa/setup", SetUpMfa).WithSummary("Start multi-factor sign-in: a new secret and the otpauth URI for the authenticator app");
        profile.MapPost("/mfa/confirm", ConfirmMfa).WithSummary("Turn multi-factor sign-in on with a code from the app");
        profile.MapPost("/mfa/disable", DisableMfa).WithSummary("Turn multi-factor sign-in off (needs the current password)");
    }

    internal static ProfileView Get(UserScope scope) => ProfileView.Of(scope.User);

    internal static Results<Ok<ProfileView>, ValidationProblem> Update(UserScope scope, ProfileUpdate request, UserDirectory users, IDateTimeZoneProvider zones)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = request.FirstName?.Trim() ?? string.Empty;
        var last = request.LastName?.Trim() ?? string.Empty;
        if (first.Length is 0 or > MaxNameLength)
        {
            errors["firstName"] = [$"Enter a first name of 1 to {MaxNameLength} characters."];
        }

        if (last.Length > MaxNameLength)
        {
            errors["lastName"] = [$"Use at most {MaxNameLength} characters."];
        }

        if (zones.GetZoneOrNull(request.TimeZone ?? string.Empty) is null)
        {
            errors["timeZone"] = [$"'{request.TimeZone}' is not a time zone id such as America/New_York."];
        }

        var emails = request.Emails ?? [];
        if (emails.Length > MaxEmails)
        {
            errors["emails"] = [$"Use at most {MaxEmails} e-mail addresses."];
        }

        for (var i = 0; i < emails.Length; i++)
        {
            if (!MailAddress.TryCreate(emails[i], out var address) || address.Address != emails[i].Trim() || !string.IsNullOrEmpty(address.DisplayName))
            {
                errors[$"emails[{i}]"] = [$"'{emails[i]}' is not an e-mail address."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(errors);
        }

        var saved = users.Update(scope.Extension, u => u with
        {
            FirstName = first,
            LastName = last,
            TimeZone = request.TimeZone!,
            AnnounceInDirectory = request.AnnounceInDirectory,
            ListInDirectory = request.ListInDirectory,
            Emails = [.. emails.Select(e => e.Trim())],
        });
        return TypedResults.Ok(ProfileView.Of(saved));
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> ChangePassword(UserScope scope, PasswordChange request, UserDirectory users, PasswordHashing passwords)
    {
        if (CheckCurrent(passwords, scope.User, request.CurrentPassword) is { } wrong)
        {
            return wrong;
        }

        if (PasswordPolicy.Check(request.NewPassword, scope.Extension) is { } reason)
        {
            return ApiProblems.Field("newPassword", reason);
        }

        if (!string.Equals(request.NewPassword, request.ConfirmNewPassword, StringComparison.Ordinal))
        {
            return ApiProblems.Field("confirmNewPassword", "The two new passwords differ.");
        }

        users.Update(scope.Extension, u => u with { PasswordHash = passwords.Hash(request.NewPassword!), SecurityStamp = Guid.NewGuid().ToString("N") });
        return TypedResults.NoContent();
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> ChangePin(UserScope scope, PinChange request, UserDirectory users, PasswordHashing passwords)
    {
        if (CheckCurrent(passwords, scope.User, request.CurrentPassword) is { } wrong)
        {
            return wrong;
        }

        if (!VoicemailPin.TryValidate(request.NewPin, scope.Extension, out var reason))
        {
            return ApiProblems.Field("newPin", reason!);
        }

        if (!string.Equals(request.NewPin, request.ConfirmNewPin, StringComparison.Ordinal))
        {
            return ApiProblems.Field("confirmNewPin", "The two new PINs differ.");
        }

        users.Update(scope.Extension, u => u with { VoicemailPinHash = passwords.Hash(request.NewPin!) });
        return TypedResults.NoContent();
    }

    internal static Results<Ok<MfaSetup>, ValidationProblem, ProblemHttpResult> SetUpMfa(UserScope scope, CurrentPassword request, UserDirectory users, PasswordHashing passwords, HostSettings settings)
    {
        if (CheckCurrent(passwords, scope.User, request.Password) is { } wrong)
        {
            return wrong;
        }

        if (scope.User.TotpEnabled)
        {
            return ApiProblems.Conflict("mfa", "Multi-factor sign-in is already on; turn it off first to start again with a new secret.");
        }

        var secret = MultiFactor.NewSecret();
        users.Update(scope.Extension, u => u with { TotpSecret = secret, TotpEnabled = false, TotpLastStep = 0 });
        return TypedResults.Ok(new MfaSetup(secret, MultiFactor.ProvisioningUri(secret, scope.User.Login, settings.Options.Domain)));
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> ConfirmMfa(UserScope scope, MfaCode request, UserDirectory users, IClock clock)
    {
        if (scope.User.TotpSecret is not { } secret || scope.User.TotpEnabled)
        {
            return ApiProblems.Conflict("mfa", scope.User.TotpEnabled ? "Multi-factor sign-in is already on." : "Start the setup first (POST profile/mfa/setup).");
        }

        if (!MultiFactor.Verify(secret, request.Code, clock.GetCurrentInstant(), scope.User.TotpLastStep, out var step))
        {
            return ApiProblems.Field("code", "The code is wrong or expired: enter the 6 digits the app shows now.");
        }

        users.Update(scope.Extension, u => u with { TotpEnabled = true, TotpLastStep = step, SecurityStamp = Guid.NewGuid().ToString("N") });
        return TypedResults.NoContent();
    }

    internal static Results<NoContent, ValidationProblem, ProblemHttpResult> DisableMfa(UserScope scope, CurrentPassword request, UserDirectory users, PasswordHashing passwords)
    {
        if (CheckCurrent(passwords, scope.User, request.Password) is { } wrong)
        {
            return wrong;
        }

        users.Update(scope.Extension, u => u with { TotpEnabled = false, TotpSecret = null, TotpLastStep = 0, SecurityStamp = Guid.NewGuid().ToString("N") });
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult? CheckCurrent(PasswordHashing passwords, PortalUser user, string? password) =>
        string.IsNullOrEmpty(password) || !passwords.Matches(password, user.PasswordHash)
            ? ApiProblems.Unauthorized("The current password is wrong.", "currentPassword")
            : null;

    internal sealed record ProfileView(
        string Extension,
        string Login,
        string FirstName,
        string LastName,
        string TimeZone,
        bool AnnounceInDirectory,
        bool ListInDirectory,
        string? CallerId,
        ImmutableArray<string> Emails,
        string Role,
        bool MfaEnabled,
        bool VoicemailPinSet)
    {
        public static ProfileView Of(PortalUser u) => new(
            u.Extension, u.Login, u.FirstName, u.LastName, u.TimeZone, u.AnnounceInDirectory, u.ListInDirectory, u.CallerId, u.Emails,
            u.Role == PortalRole.OfficeManager ? "office-manager" : "user", u.TotpEnabled, u.VoicemailPinHash is not null);
    }

    internal sealed record ProfileUpdate(string? FirstName, string? LastName, string? TimeZone, bool AnnounceInDirectory = true, bool ListInDirectory = true, string[]? Emails = null);

    internal sealed record PasswordChange(string? CurrentPassword, string? NewPassword, string? ConfirmNewPassword);

    internal sealed record PinChange(string? CurrentPassword, string? NewPin, string? ConfirmNewPin);

    internal sealed record CurrentPassword(string? Password);

    internal sealed record MfaCode(string? Code);

    internal sealed record MfaSetup(string Secret, string OtpAuthUri);
}
