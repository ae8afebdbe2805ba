using System.Globalization;
using Microsoft.Extensions.Options;

namespace K7.Sip.Registrar;

/// <summary>Validates <see cref="RegistrarOptions"/>: ranges and the order of the three lifetimes.</summary>
/// <remarks>Hand-written rather than generated from DataAnnotations because most rules relate two properties.</remarks>
internal sealed class RegistrarOptionsValidator : IValidateOptions<RegistrarOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RegistrarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MinExpires < 1)
        {
            errors.Add(Format("RegistrarOptions.MinExpires must be at least 1 second; it is {0}.", options.MinExpires));
        }

        if (options.MaxExpires < options.MinExpires)
        {
            errors.Add(Format("RegistrarOptions.MaxExpires ({0}) must not be less than MinExpires ({1}).", options.MaxExpires, options.MinExpires));
        }

        if (options.DefaultExpires < options.MinExpires || options.DefaultExpires > options.MaxExpires)
        {
            errors.Add(Format("RegistrarOptions.DefaultExpires ({0}) must lie between MinExpires ({1}) and MaxExpires ({2}).", options.DefaultExpires, options.MinExpires, options.MaxExpires));
        }

        if (options.MaxContactsPerAor < 1)
        {
            errors.Add(Format("RegistrarOptions.MaxContactsPerAor must be at least 1; it is {0}.", options.MaxContactsPerAor));
        }

        if (options.MaxBindingsTotal < 1)
        {
            errors.Add(Format("RegistrarOptions.MaxBindingsTotal must be at least 1; it is {0}.", options.MaxBindingsTotal));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="options"/> is invalid (the path without DI).</summary>
    public static void ThrowIfInvalid(RegistrarOptions options)
    {
        var result = new RegistrarOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
