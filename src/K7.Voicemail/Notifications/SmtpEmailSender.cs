using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace K7.Voicemail.Notifications;

/// <summary>Delivers messages to an SMTP server with MailKit, one connection per message.</summary>
/// <remarks>
/// Each <see cref="SendAsync"/> connects, authenticates when <see cref="SmtpEmailOptions.UserName"/> is set, sends and
/// disconnects, so the sender holds no connection and is thread-safe. Every failure (unreachable server, TLS,
/// authentication, a refused sender or recipient, a protocol error, a timeout) is thrown as a
/// <see cref="VoicemailDeliveryException"/> whose message names the server, the Message-Id and the step that failed,
/// with the MailKit error as the inner exception. Cancellation is thrown as <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpEmailOptions _options;
    private readonly int _timeoutMilliseconds;

    /// <summary>Initializes a new instance of the <see cref="SmtpEmailSender"/> class.</summary>
    /// <param name="options">The options; copied and validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid; the message says which property.</exception>
    public SmtpEmailSender(SmtpEmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            throw new ArgumentException("SmtpEmailOptions.Host is required.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"SmtpEmailOptions.Port must be between 0 and 65535 (was {options.Port}).", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException($"SmtpEmailOptions.Timeout must be positive and at most {int.MaxValue} ms (was {options.Timeout}).", nameof(options));
        }

        if (!Enum.IsDefined(options.SecureSocketOptions))
        {
            throw new ArgumentException($"SmtpEmailOptions.SecureSocketOptions {(int)options.SecureSocketOptions} is not defined.", nameof(options));
        }

        if (!string.IsNullOrEmpty(options.UserName) && options.Password is null)
        {
            throw new ArgumentException("SmtpEmailOptions.Password is required when UserName is set.", nameof(options));
        }

        _options = new SmtpEmailOptions
        {
            Host = options.Host,
            Port = options.Port,
            SecureSocketOptions = options.SecureSocketOptions,
            UserName = options.UserName,
            Password = options.Password,
            Timeout = options.Timeout,
        };
        _timeoutMilliseconds = (int)Math.Ceiling(options.Timeout.TotalMilliseconds);
    }

    /// <summary>Initializes a new instance of the <see cref="SmtpEmailSender"/> class.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message says which property.</exception>
    public SmtpEmailSender(IOptions<SmtpEmailOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var server = $"{_options.Host}:{_options.Port}";
        var step = "connecting";
        using var client = new SmtpClient { Timeout = _timeoutMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.SecureSocketOptions, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                step = $"authenticating as \"{_options.UserName}\"";
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            step = "sending";
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            step = "disconnecting";
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (step == "disconnecting" && IsDeliveryError(ex))
        {
            // The server accepted the message; a failed QUIT does not undo that.
        }
        catch (Exception ex) when (IsDeliveryError(ex))
        {
            throw new VoicemailDeliveryException(
                $"Sending message <{message.MessageId}> through SMTP server {server} failed while {step}: {Describe(ex)}",
                message.MessageId,
                ex);
        }
    }

    private static bool IsDeliveryError(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or OperationCanceledException
            or CommandException or ProtocolException or AuthenticationException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException;

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command when command.Mailbox is not null =>
            $"{command.ErrorCode} for <{command.Mailbox.Address}> ({(int)command.StatusCode} {command.Message})",
        SmtpCommandException command => $"{command.ErrorCode} ({(int)command.StatusCode} {command.Message})",
        _ => ex.Message,
    };
}
