namespace K7.TimeFrames;

/// <summary>Who is changing time frames: a user (who may change only their own frames) or an office manager (who may
/// also change the domain's system-defined frames, and any user's).</summary>
public readonly record struct TimeFrameActor
{
    private TimeFrameActor(string userId, bool isOfficeManager)
    {
        UserId = userId;
        IsOfficeManager = isOfficeManager;
    }

    /// <summary>Gets the acting user's id.</summary>
    public string UserId { get; }

    /// <summary>Gets a value indicating whether the actor is an office manager.</summary>
    public bool IsOfficeManager { get; }

    /// <summary>Returns a basic user.</summary>
    /// <param name="userId">The user's id, for example "202".</param>
    /// <returns>The actor.</returns>
    public static TimeFrameActor User(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new(userId, false);
    }

    /// <summary>Returns an office manager.</summary>
    /// <param name="userId">The office manager's user id.</param>
    /// <returns>The actor.</returns>
    public static TimeFrameActor OfficeManager(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new(userId, true);
    }

    /// <summary>Tells whether this actor may create, change or delete frames owned by <paramref name="owner"/>.</summary>
    /// <param name="owner">The owner of the frames.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool CanEdit(TimeFrameOwner owner) => IsOfficeManager || (!owner.IsDomain && owner.UserId == UserId);
}
