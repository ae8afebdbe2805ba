using NodaTime;
using OtpNet;

namespace K7.SampleHost.Domain;

/// <summary>TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, as Google Authenticator uses) on the host's clock.</summary>
public static class MultiFactor
{
    /// <summary>Creates a new 160-bit secret, Base32 as authenticator apps expect.</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://</c> URI an authenticator app scans (as a QR code) or imports.</summary>
    public static string ProvisioningUri(string secret, string login, string issuer) =>
        new OtpUri(OtpType.Totp, secret, login, issuer).ToString();

    /// <summary>Checks a code, allowing one step of clock drift either side, and never the same step twice.</summary>
    /// <param name="secret">The Base32 secret.</param>
    /// <param name="code">The code the user typed.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="lastStep">The last step accepted for this user.</param>
    /// <param name="step">The step of the accepted code.</param>
    /// <returns>Whether the code is accepted.</returns>
    public static bool Verify(string secret, string? code, Instant now, long lastStep, out long step)
    {
        step = 0;
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length != 6 || !code.Trim().All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.ToDateTimeUtc(), code.Trim(), out step, new VerificationWindow(previous: 1, future: 1)) && step > lastStep;
    }

    /// <summary>The code for <paramref name="now"/> (for tests and for showing what the app should display).</summary>
    public static string Code(string secret, Instant now) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(now.ToDateTimeUtc());
}
