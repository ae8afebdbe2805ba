using K7.Sip.Registrar;
using K7.Sip.Transport;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Sip;

/// <summary>Validates <see cref="SipOptions"/> and its nested settings (at host start with <c>ValidateOnStart</c>, and in the <see cref="SipServer"/> constructor).</summary>
internal sealed class SipOptionsValidator : IValidateOptions<SipOptions>
{
    public ValidateOptionsResult Validate(string? name, SipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TimerResolution <= Duration.Zero || options.TimerResolution > Duration.FromSeconds(1))
        {
            failures.Add($"{nameof(SipOptions.TimerResolution)} must be more than 0 and at most 1 s (was {options.TimerResolution}).");
        }

        if (options.QualifyInterval < Duration.Zero)
        {
            failures.Add($"{nameof(SipOptions.QualifyInterval)} must not be negative (0 turns qualify off).");
        }

        if (options.MaxServerTransactions < 1)
        {
            failures.Add($"{nameof(SipOptions.MaxServerTransactions)} must be at least 1.");
        }

        if (options.DomainAliases.Count > 0 && options.Domains.Count == 0)
        {
            failures.Add($"{nameof(SipOptions.DomainAliases)} name the first of {nameof(SipOptions.Domains)}, so they need at least one domain.");
        }

        if (options.DomainAliases.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{nameof(SipOptions.DomainAliases)} must not hold an empty name.");
        }

        if (string.IsNullOrWhiteSpace(options.ServerName))
        {
            failures.Add($"{nameof(SipOptions.ServerName)} must not be empty.");
        }

        try
        {
            options.Timers.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            failures.Add("Timers: " + ex.Message);
        }

        Add(failures, "Transport", new SipTransportOptionsValidator().Validate(name, SipServer.TransportOptionsWithDefaults(options.Transport)));
        Add(failures, "Registrar", new RegistrarOptionsValidator().Validate(name, options.Registrar));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(SipOptions options)
    {
        var result = new SipOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static void Add(List<string> failures, string prefix, ValidateOptionsResult result)
    {
        if (result.Failed)
        {
            foreach (var failure in result.Failures ?? [])
            {
                failures.Add(prefix + ": " + failure);
            }
        }
    }
}
