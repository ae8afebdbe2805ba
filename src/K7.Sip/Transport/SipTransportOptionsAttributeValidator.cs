using Microsoft.Extensions.Options;

namespace K7.Sip.Transport;

/// <summary>Validates the DataAnnotations rules of <see cref="SipTransportOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class SipTransportOptionsAttributeValidator : IValidateOptions<SipTransportOptions>
{
}
