using System.ComponentModel.DataAnnotations;

namespace K7.Voicemail.Notifications;

/// <summary>Options of <see cref="PickupDirectoryEmailSender"/>.</summary>
/// <remarks>The options are mutable for the options pattern and are treated as read-only once validated.</remarks>
public sealed class PickupDirectoryEmailOptions
{
    /// <summary>Gets or sets the folder the messages are written to (created when missing), such as the pickup folder of a local mail relay.</summary>
    /// <value>Default: empty (must be set).</value>
    [Required]
    public string Directory { get; set; } = string.Empty;
}
