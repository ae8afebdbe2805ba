using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace K7.Routing;

/// <summary>Requires a region code that libphonenumber knows ("US", "GB", "DE"...).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class SupportedRegionAttribute : ValidationAttribute
{
    public SupportedRegionAttribute()
        : base("The field {0} must be a region code that phone numbers are known for, such as \"US\" or \"GB\".")
    {
    }

    public override bool IsValid(object? value) =>
        value is null || (value is string region && PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region));
}
