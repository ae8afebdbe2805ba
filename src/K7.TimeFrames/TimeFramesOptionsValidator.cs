using Microsoft.Extensions.Options;

namespace K7.TimeFrames;

/// <summary>Validates <see cref="TimeFramesOptions"/> (generated from the DataAnnotations attributes).</summary>
[OptionsValidator]
internal sealed partial class TimeFramesOptionsValidator : IValidateOptions<TimeFramesOptions>
{
    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    public static void ThrowIfInvalid(TimeFramesOptions options)
    {
        var result = new TimeFramesOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
