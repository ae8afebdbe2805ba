using System.ComponentModel.DataAnnotations;

namespace K7.Routing;

/// <summary>Options of the K7.Routing services.</summary>
public sealed class RoutingOptions
{
    /// <summary>Gets or sets the region (ISO 3166-1 alpha-2) used to read numbers written without a country code, such as "555-123-1111".</summary>
    /// <value>Default: "US".</value>
    [Required]
    [SupportedRegion]
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Gets or sets whether a rule whose time frame does not exist is refused when rules are set (otherwise it never applies).</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool RequireExistingTimeFrames { get; set; } = true;
}
