using Microsoft.Extensions.Options;
using MimeKit;

namespace K7.Voicemail.Notifications;

/// <summary>Validates <see cref="VoicemailEmailOptions"/>: the attributes, the From address, the templates, and that the link renders to an absolute http(s) URI.</summary>
internal sealed class VoicemailEmailOptionsValidator : IValidateOptions<VoicemailEmailOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, VoicemailEmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add("VoicemailEmailOptions.From is required (an address such as \"Voicemail <voicemail@example.com>\").");
        }
        else if (!MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"VoicemailEmailOptions.From \"{options.From}\" is not an e-mail address.");
        }

        CheckTemplate(options.SubjectTemplate, nameof(VoicemailEmailOptions.SubjectTemplate), failures);
        CheckTemplate(options.BriefSubjectTemplate, nameof(VoicemailEmailOptions.BriefSubjectTemplate), failures);
        if (string.IsNullOrWhiteSpace(options.LinkTemplate))
        {
            failures.Add("VoicemailEmailOptions.LinkTemplate is required (such as \"https://portal.example.com/messages/{Extension}/{MessageId}\").");
        }
        else if (CheckTemplate(options.LinkTemplate, nameof(VoicemailEmailOptions.LinkTemplate), failures) is { } link)
        {
            var sample = new string[NotificationTemplate.FieldNames.Length];
            Array.Fill(sample, "x");
            var rendered = link.Render(sample, Uri.EscapeDataString);
            if (!Uri.TryCreate(rendered, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"VoicemailEmailOptions.LinkTemplate \"{options.LinkTemplate}\" does not make an absolute http or https URI.");
            }
        }

        if (options.MaxAttachmentBytes < 1)
        {
            failures.Add($"VoicemailEmailOptions.MaxAttachmentBytes must be at least 1 (was {options.MaxAttachmentBytes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    public static void ThrowIfInvalid(VoicemailEmailOptions options)
    {
        var result = new VoicemailEmailOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static NotificationTemplate? CheckTemplate(string? template, string property, List<string> failures)
    {
        if (template is null)
        {
            failures.Add($"VoicemailEmailOptions.{property} is required.");
            return null;
        }

        if (!NotificationTemplate.TryParse(template, out var parsed, out var error))
        {
            failures.Add($"VoicemailEmailOptions.{property} \"{template}\" is invalid: {error}.");
            return null;
        }

        return parsed;
    }
}
