using Microsoft.Extensions.Options;

namespace K7.Voicemail.Greetings;

/// <summary>Validates <see cref="GreetingOptions"/> (generated from the DataAnnotations attributes).</summary>
[OptionsValidator]
internal sealed partial class GreetingOptionsValidator : IValidateOptions<GreetingOptions>
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    public static void ThrowIfInvalid(GreetingOptions options)
    {
        var result = new GreetingOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
