using MimeKit;

namespace K7.Voicemail.Notifications;

/// <summary>Delivers e-mail messages (to a pickup directory, an SMTP relay, or a test double).</summary>
public interface IEmailSender
{
    /// <summary>Delivers <paramref name="message"/>; returns once it has been durably handed over.</summary>
    /// <param name="message">The message to deliver, with its From, To and Message-Id set.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message has been handed over.</returns>
    /// <exception cref="VoicemailDeliveryException">The message could not be delivered.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
