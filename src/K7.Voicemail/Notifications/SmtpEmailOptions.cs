using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace K7.Voicemail.Notifications;

/// <summary>Options of <see cref="SmtpEmailSender"/>: the relay, its security and credentials.</summary>
/// <remarks>The options are mutable for the options pattern and are treated as read-only once validated.</remarks>
public sealed class SmtpEmailOptions
{
    /// <summary>Gets or sets the host name or address of the SMTP server.</summary>
    /// <value>Default: empty (must be set).</value>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>Gets or sets the port of the SMTP server; 0 picks the default port for <see cref="SecureSocketOptions"/> (25 or 587, 465 for SSL on connect).</summary>
    /// <value>Default: 587.</value>
    [Range(0, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Gets or sets how the connection is secured.</summary>
    /// <value>Default: <see cref="MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable"/>.</value>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Gets or sets the user name to authenticate with; <see langword="null"/> or empty sends without authentication.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the password that goes with <see cref="UserName"/>.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Password { get; set; }

    /// <summary>Gets or sets the time allowed for each network operation (connect, each command).</summary>
    /// <value>Default: 30 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
