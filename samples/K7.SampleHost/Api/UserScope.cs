using System.Reflection;
using System.Security.Claims;
using K7.SampleHost.Domain;
using K7.TimeFrames;
using Microsoft.AspNetCore.Http.Metadata;

namespace K7.SampleHost.Api;

/// <summary>
/// The user a request under <c>/api/users/{extension}</c> is about, and who is asking. Bound from the route
/// (<c>me</c> is the caller): a basic user reaches only their own pages; an office manager reads every user's pages
/// and changes only their own (the domain's time frames have their own endpoints).
/// </summary>
public sealed class UserScope : IEndpointParameterMetadataProvider
{
    /// <summary>The claim with the caller's extension.</summary>
    public const string ExtensionClaim = "k7:ext";

    /// <summary>The claim with the caller's security stamp (a password change invalidates older tokens).</summary>
    public const string StampClaim = "k7:stamp";

    private UserScope(PortalUser caller, PortalUser user)
    {
        Caller = caller;
        User = user;
    }

    /// <summary>The signed-in user.</summary>
    public PortalUser Caller { get; }

    /// <summary>The user whose page this is.</summary>
    public PortalUser User { get; }

    /// <summary>The user's extension (their id in every package).</summary>
    public string Extension => User.Extension;

    /// <summary>Whether the caller is on their own page.</summary>
    public bool IsSelf => Caller.Extension == User.Extension;

    /// <summary>Whether the caller is an office manager.</summary>
    public bool IsOfficeManager => Caller.Role == PortalRole.OfficeManager;

    /// <summary>The caller as a time-frame actor.</summary>
    public TimeFrameActor TimeFrameActor => IsOfficeManager ? TimeFrameActor.OfficeManager(Caller.Extension) : TimeFrameActor.User(Caller.Extension);

    /// <summary>Binds the scope (minimal APIs call this).</summary>
    /// <exception cref="PortalAccessException">Not signed in, an unknown user, or a page the caller may not see or change.</exception>
    public static ValueTask<UserScope?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var users = context.RequestServices.GetRequiredService<UserDirectory>();
        var caller = SignedIn(context.User, users);
        var requested = context.Request.RouteValues["extension"] as string ?? "me";
        var user = requested == "me" ? caller : users.Find(requested);
        if (user is null)
        {
            throw new PortalAccessException(StatusCodes.Status404NotFound, $"There is no user {requested}.");
        }

        if (user.Extension != caller.Extension)
        {
            if (caller.Role != PortalRole.OfficeManager)
            {
                throw new PortalAccessException(StatusCodes.Status403Forbidden, $"You can see only your own pages, not those of {user.Extension}.");
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                throw new PortalAccessException(StatusCodes.Status403Forbidden, $"Office managers see the pages of {user.Extension} but only that user changes them.");
            }
        }

        return ValueTask.FromResult<UserScope?>(new UserScope(caller, user));
    }

    /// <summary>The signed-in user of a request.</summary>
    /// <exception cref="PortalAccessException">Not signed in, or the token is from before a security change.</exception>
    public static PortalUser SignedIn(ClaimsPrincipal principal, UserDirectory users)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(users);
        var extension = principal.FindFirstValue(ExtensionClaim);
        var caller = extension is null ? null : users.Find(extension);
        if (caller is null || principal.FindFirstValue(StampClaim) != caller.SecurityStamp)
        {
            throw new PortalAccessException(StatusCodes.Status401Unauthorized, "Sign in again: the token is missing, expired, or older than the last security change.");
        }

        return caller;
    }

    /// <inheritdoc/>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
    }
}

/// <summary>A request for a page the caller may not see or change; answered as a problem with <see cref="Status"/>.</summary>
public sealed class PortalAccessException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="PortalAccessException"/> class.</summary>
    public PortalAccessException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PortalAccessException"/> class.</summary>
    public PortalAccessException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PortalAccessException"/> class.</summary>
    public PortalAccessException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PortalAccessException"/> class.</summary>
    public PortalAccessException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; } = StatusCodes.Status403Forbidden;
}
