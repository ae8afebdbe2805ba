using System.Collections.Concurrent;
using NodaTime;

namespace K7.SampleHost.Domain;

/// <summary>
/// Slows down password guessing: after <see cref="MaxFailures"/> failed sign-ins in a row for one login name, that login
/// is refused for <see cref="LockDuration"/>, whatever the password. A successful sign-in clears the count. In memory
/// (a restart clears it); keys are compared case-insensitively (the sign-in endpoint uses the user's extension).
/// </summary>
public sealed class SignInThrottle(IClock clock)
{
    /// <summary>Failed attempts in a row that lock a login.</summary>
    public const int MaxFailures = 5;

    /// <summary>How long a login stays locked.</summary>
    public static readonly Duration LockDuration = Duration.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Failures, Instant LockedUntil)> _state = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="login"/> is locked now, and until when.</summary>
    public bool IsLocked(string login, out Instant until)
    {
        until = default;
        if (_state.TryGetValue(login, out var state) && state.LockedUntil > clock.GetCurrentInstant())
        {
            until = state.LockedUntil;
            return true;
        }

        return false;
    }

    /// <summary>Counts a failed attempt; the one that reaches <see cref="MaxFailures"/> locks the login.</summary>
    public void Failed(string login) => _state.AddOrUpdate(
        login,
        _ => (1, default),
        (_, state) =>
        {
            var now = clock.GetCurrentInstant();
            var failures = state.LockedUntil != default && state.LockedUntil <= now ? 1 : state.Failures + 1;
            return failures >= MaxFailures ? (0, now + LockDuration) : (failures, state.LockedUntil > now ? state.LockedUntil : default);
        });

    /// <summary>Clears the count after a successful sign-in.</summary>
    public void Succeeded(string login) => _state.TryRemove(login, out _);
}
