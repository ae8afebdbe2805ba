using System.ComponentModel.DataAnnotations;

namespace K7.TimeFrames;

/// <summary>Options of the K7.TimeFrames services.</summary>
public sealed class TimeFramesOptions
{
    /// <summary>Gets or sets how many years ahead "next on" queries look before they answer that there is none.</summary>
    /// <value>Default: 10. Range 1–100.</value>
    [Range(1, 100)]
    public int SearchHorizonYears { get; set; } = 10;

    /// <summary>Gets or sets the ISO 3166-1 alpha-2 country offered first by holiday pickers.</summary>
    /// <value>Default: "US".</value>
    [Required]
    [RegularExpression("^[A-Za-z]{2}$")]
    public string DefaultCountry { get; set; } = "US";

    /// <summary>Gets or sets the most time frames one owner may have.</summary>
    /// <value>Default: 200. Range 1–10,000.</value>
    [Range(1, 10_000)]
    public int MaxFramesPerOwner { get; set; } = 200;
}
