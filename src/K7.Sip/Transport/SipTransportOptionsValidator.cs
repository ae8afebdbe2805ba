using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Sip.Transport;

/// <summary>Validates <see cref="SipTransportOptions"/>: the attribute rules, then the listen addresses and durations.</summary>
internal sealed class SipTransportOptionsValidator : IValidateOptions<SipTransportOptions>
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    /// <param name="options">The options to check.</param>
    public static void ThrowIfInvalid(SipTransportOptions options)
    {
        var result = new SipTransportOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SipTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(new SipTransportOptionsAttributeValidator().Validate(name, options));
        if (options.ListenAddresses.Count == 0)
        {
            builder.AddError("At least one listen address is required, such as 'udp:0.0.0.0:5060'.", nameof(options.ListenAddresses));
        }

        var seen = new HashSet<SipListenAddress>();
        foreach (var address in options.ListenAddresses)
        {
            if (address is null)
            {
                builder.AddError("A listen address is null.", nameof(options.ListenAddresses));
            }
            else if (!seen.Add(address))
            {
                builder.AddError($"The listen address '{address}' is given twice.", nameof(options.ListenAddresses));
            }
        }

        if (options.TcpIdleTimeout <= Duration.Zero)
        {
            builder.AddError($"The TCP idle timeout must be positive (got {options.TcpIdleTimeout}).", nameof(options.TcpIdleTimeout));
        }

        if (options.TcpConnectTimeout <= Duration.Zero)
        {
            builder.AddError($"The TCP connect timeout must be positive (got {options.TcpConnectTimeout}).", nameof(options.TcpConnectTimeout));
        }

        return builder.Build();
    }
}
