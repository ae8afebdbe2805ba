namespace K7.Sip.Registrar;

/// <summary>What happened to a binding.</summary>
public enum BindingChangeKind
{
    /// <summary>A new binding was registered.</summary>
    Added,

    /// <summary>An existing binding was registered again from the same Call-ID (a periodic refresh).</summary>
    Refreshed,

    /// <summary>An existing binding was replaced: registered from another Call-ID (such as after a restart), or its contact URI changed under the same <c>+sip.instance</c>.</summary>
    Updated,

    /// <summary>A binding was removed by a REGISTER (expires 0 or <c>Contact: *</c>) or by <see cref="LocationService.Remove(string, string)"/>.</summary>
    Removed,

    /// <summary>A binding reached its expiry without a refresh and was dropped.</summary>
    Expired,
}
