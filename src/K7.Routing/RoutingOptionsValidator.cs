using Microsoft.Extensions.Options;

namespace K7.Routing;

/// <summary>Validates <see cref="RoutingOptions"/> (generated from the DataAnnotations attributes).</summary>
[OptionsValidator]
internal sealed partial class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    public static void ThrowIfInvalid(RoutingOptions options)
    {
        var result = new RoutingOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
