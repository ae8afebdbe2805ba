using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace K7.SampleHost.Domain;

/// <summary>
/// Password and PIN hashes, by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, a
/// 128-bit salt, the iteration count stored in the hash). A hash made with fewer iterations than configured still
/// verifies and asks to be made again (<see cref="PasswordVerificationResult.SuccessRehashNeeded"/>).
/// </summary>
public sealed class PasswordHashing
{
    /// <summary>The iteration count of new hashes by default: OWASP's advice (2023) for PBKDF2-HMAC-SHA512.</summary>
    public const int DefaultIterations = 210_000;

    private static readonly object Nobody = new();
    private readonly PasswordHasher<object> _hasher;

    /// <summary>Initializes a new instance of the <see cref="PasswordHashing"/> class with <paramref name="iterations"/> for new hashes.</summary>
    public PasswordHashing(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterations,
        }));
    }

    /// <summary>Initializes a new instance of the <see cref="PasswordHashing"/> class from the host settings.</summary>
    public PasswordHashing(HostSettings settings)
        : this((settings ?? throw new ArgumentNullException(nameof(settings))).Options.PasswordHashIterations)
    {
    }

    /// <summary>Hashes <paramref name="password"/> with a fresh salt.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return _hasher.HashPassword(Nobody, password);
    }

    /// <summary>Checks <paramref name="password"/> against <paramref name="stored"/>; a malformed hash fails.</summary>
    public PasswordVerificationResult Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            return _hasher.VerifyHashedPassword(Nobody, stored, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="stored"/>.</summary>
    public bool Matches(string password, string stored) => Verify(password, stored) != PasswordVerificationResult.Failed;
}
