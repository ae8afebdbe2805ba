using Microsoft.Extensions.Options;

namespace K7.Contacts;

/// <summary>Checks <see cref="ContactsOptions"/>: the attributes, and a region libphonenumber supports.</summary>
internal sealed class ContactsOptionsValidator : IValidateOptions<ContactsOptions>
{
    private readonly ContactsOptionsAttributeValidator _attributes = new();

    public ValidateOptionsResult Validate(string? name, ContactsOptions options)
    {
        var result = _attributes.Validate(name, options);
        if (result.Failed)
        {
            return result;
        }

        var region = options.DefaultRegion.Trim().ToUpperInvariant();
        return ContactNumberNormalizer.IsSupportedRegion(region)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ContactsOptions.DefaultRegion: '{options.DefaultRegion}' is not a region libphonenumber supports; use a two-letter ISO 3166-1 code such as US, CA or GB.");
    }
}

/// <summary>The generated checks of the data annotations on <see cref="ContactsOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ContactsOptionsAttributeValidator : IValidateOptions<ContactsOptions>;
