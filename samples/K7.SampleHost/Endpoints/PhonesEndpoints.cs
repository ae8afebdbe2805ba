using K7.SampleHost.Api;
using K7.SampleHost.Domain;
using K7.SampleHost.Seed;
using K7.Sip;
using K7.Sip.Devices;
using K7.Sip.Transport;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace K7.SampleHost.Endpoints;

/// <summary>
/// The Phones page (guide chapter 8): the user's phones with their registration, adding one (with a new SIP password
/// kept with the user), changing and deleting it, and its Login Info for the phone's own user.
/// </summary>
internal static class PhonesEndpoints
{
    public static void Map(RouteGroupBuilder user)
    {
        var phones = user.MapGroup("/phones").WithTags("Phones");
        phones.MapGet("/", List).WithSummary("The user's phones with their registration");
        phones.MapGet("/{name}", Get).WithSummary("One phone with its registration");
        phones.MapPost("/", Add).WithSummary("Add a phone (suffix, model, preferred server, MAC address, line number); it gets a new SIP password");
        phones.MapPut("/{name}", Update).WithSummary("Change a phone's model, preferred server, MAC address and line number");
        phones.MapDelete("/{name}", Delete).WithSummary("Delete a phone and its SIP password");
        phones.MapGet("/{name}/login", Login).WithSummary("The phone's Login Info: SIP username, password, domain and server (only for the phone's own user)");
    }

    internal static IReadOnlyList<PhoneView> List(UserScope scope, DeviceRegistry devices, IClock clock)
    {
        var now = clock.GetCurrentInstant();
        return [.. devices.ListForUser(scope.Extension).Select(d => PhoneView.Of(d, devices.GetStatus(d.Name), now))];
    }

    internal static Results<Ok<PhoneView>, ProblemHttpResult> Get(UserScope scope, string name, DeviceRegistry devices, IClock clock) =>
        Owned(scope, name, devices) is { } device
            ? TypedResults.Ok(PhoneView.Of(device, devices.GetStatus(device.Name), clock.GetCurrentInstant()))
            : NoSuchPhone(name);

    internal static Results<Created<PhoneView>, ValidationProblem, ProblemHttpResult> Add(UserScope scope, PhoneRequest request, DeviceRegistry devices, UserDirectory users, IClock clock)
    {
        var suffix = request.Suffix?.Trim() ?? string.Empty;
        if (request.MacAddress is { } mac && !string.IsNullOrWhiteSpace(mac) && !MacAddress.TryParse(mac, out _))
        {
            return ApiProblems.Field("macAddress", $"'{mac}' is not a MAC address such as 00:15:65:12:34:56.");
        }

        // A field the package refuses (DeviceValidationException) becomes a 400 naming it in ApiExceptionHandler.
        var device = new Device(scope.Extension, suffix, request.Model ?? string.Empty, Blank(request.PreferredServer), ParseMac(request.MacAddress), request.LineNumber);

        if (devices.Find(device.Name) is not null || devices.ListForUser(scope.Extension).Any(d => string.Equals(d.Suffix, suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.Conflict("suffix", $"There is already a phone {device.Name}; suffixes are unique and never change.");
        }

        // The SIP password first (so the phone can register as soon as it exists), undone when the device is refused.
        users.Update(scope.Extension, u => u with { SipPasswords = u.SipPasswords.SetItem(device.Name, DemoDomain.NewSipPassword()) });
        try
        {
            devices.Add(device);
        }
        catch
        {
            users.Update(scope.Extension, u => u with { SipPasswords = u.SipPasswords.Remove(device.Name) });
            throw;
        }

        return TypedResults.Created(
            $"/api/users/{scope.Extension}/phones/{Uri.EscapeDataString(device.Name)}",
            PhoneView.Of(device, devices.GetStatus(device.Name), clock.GetCurrentInstant()));
    }

    internal static Results<Ok<PhoneView>, ValidationProblem, ProblemHttpResult> Update(UserScope scope, string name, PhoneChange request, DeviceRegistry devices, IClock clock)
    {
        if (Owned(scope, name, devices) is not { } device)
        {
            return NoSuchPhone(name);
        }

        if (request.MacAddress is { } mac && !string.IsNullOrWhiteSpace(mac) && !MacAddress.TryParse(mac, out _))
        {
            return ApiProblems.Field("macAddress", $"'{mac}' is not a MAC address such as 00:15:65:12:34:56.");
        }

        // The registry saves nothing when the change throws; a refused field becomes a 400 in ApiExceptionHandler.
        var saved = devices.Update(device.Name, d => d
            .WithModel(request.Model ?? string.Empty)
            .WithPreferredServer(Blank(request.PreferredServer))
            .WithMacAddress(ParseMac(request.MacAddress))
            .WithLineNumber(request.LineNumber));
        return saved is null ? NoSuchPhone(name) : TypedResults.Ok(PhoneView.Of(saved, devices.GetStatus(saved.Name), clock.GetCurrentInstant()));
    }

    internal static Results<NoContent, ProblemHttpResult> Delete(UserScope scope, string name, DeviceRegistry devices, UserDirectory users)
    {
        if (Owned(scope, name, devices) is not { } device)
        {
            return NoSuchPhone(name);
        }

        var password = scope.User.SipPasswords.GetValueOrDefault(device.Name);
        users.Update(scope.Extension, u => u with { SipPasswords = u.SipPasswords.Remove(device.Name) });
        try
        {
            devices.Remove(device.Name);
        }
        catch
        {
            if (password is not null)
            {
                users.Update(scope.Extension, u => u with { SipPasswords = u.SipPasswords.SetItem(device.Name, password) });
            }

            throw;
        }

        return TypedResults.NoContent();
    }

    internal static Results<Ok<LoginInfo>, ProblemHttpResult> Login(UserScope scope, string name, DeviceRegistry devices, SipServer sip, HostSettings settings)
    {
        if (!scope.IsSelf)
        {
            return ApiProblems.Forbidden($"Only {scope.Extension} sees the login info of their phones.");
        }

        if (Owned(scope, name, devices) is not { } device || !scope.User.SipPasswords.TryGetValue(device.Name, out var password))
        {
            return NoSuchPhone(name);
        }

        var udp = sip.BoundAddresses.FirstOrDefault(a => a.Protocol == SipTransportProtocol.Udp) ?? (sip.BoundAddresses.Count > 0 ? sip.BoundAddresses[0] : null);
        return TypedResults.Ok(new LoginInfo(device.Name, password, settings.Options.Domain, udp?.EndPoint.ToString() ?? string.Empty));
    }

    private static Device? Owned(UserScope scope, string name, DeviceRegistry devices) =>
        devices.Find(name) is { } device && device.Extension == scope.Extension ? device : null;

    private static ProblemHttpResult NoSuchPhone(string name) => ApiProblems.NotFound($"There is no phone '{name}' here.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static MacAddress? ParseMac(string? value) => string.IsNullOrWhiteSpace(value) ? null : MacAddress.Parse(value.Trim());

    internal sealed record PhoneRequest(string? Suffix, string? Model, string? PreferredServer, string? MacAddress, int? LineNumber);

    internal sealed record PhoneChange(string? Model, string? PreferredServer, string? MacAddress, int? LineNumber);

    internal sealed record LoginInfo(string Username, string Password, string Domain, string Server);

    internal sealed record RegistrationView(string? UserAgent, string IpAddress, int Port, string Transport, Instant RegisteredAt, Instant ExpiresAt, int ExpiresInSeconds);

    internal sealed record PhoneView(
        string Name,
        string Suffix,
        string Model,
        string? PreferredServer,
        string? MacAddress,
        int? LineNumber,
        bool Registered,
        bool Reachable,
        RegistrationView? Registration)
    {
        public static PhoneView Of(Device device, DeviceStatus? status, Instant now)
        {
            var registration = status?.Registration is { } r
                ? new RegistrationView(
                    r.UserAgent,
                    r.RemoteAddress.Address.ToString(),
                    r.RemoteAddress.Port,
                    r.Transport,
                    r.RegisteredAt,
                    r.ExpiresAt,
                    (int)Math.Max(0, (r.ExpiresAt - now).TotalSeconds))
                : null;
            return new PhoneView(
                device.Name,
                device.Suffix,
                device.Model,
                device.PreferredServer,
                device.MacAddress?.ToString(MacAddressFormat.Colon),
                device.LineNumber,
                status?.IsRegistered ?? false,
                status?.IsReachable ?? false,
                registration);
        }
    }
}
