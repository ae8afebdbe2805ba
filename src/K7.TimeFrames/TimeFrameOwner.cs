namespace K7.TimeFrames;

/// <summary>Who owns a time frame: one user, or the domain (system-defined frames every user sees and no user may edit).</summary>
public readonly record struct TimeFrameOwner
{
    private TimeFrameOwner(string? userId) => UserId = userId;

    /// <summary>Gets the domain owner.</summary>
    public static TimeFrameOwner Domain => default;

    /// <summary>Gets the user who owns the frame, or <see langword="null"/> for the domain.</summary>
    public string? UserId { get; }

    /// <summary>Gets a value indicating whether the domain owns the frame.</summary>
    public bool IsDomain => UserId is null;

    /// <summary>Returns the owner that is the user <paramref name="userId"/> (for example the extension "202").</summary>
    /// <param name="userId">The user's id; not empty.</param>
    /// <returns>The owner.</returns>
    public static TimeFrameOwner User(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new TimeFrameOwner(userId);
    }

    /// <summary>Returns "Domain" or the user id, as the portal's Owner column shows it.</summary>
    /// <returns>The owner's display text.</returns>
    public override string ToString() => UserId ?? "Domain";
}
