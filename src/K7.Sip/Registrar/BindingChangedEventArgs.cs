namespace K7.Sip.Registrar;

/// <summary>The data of <see cref="LocationService.BindingChanged"/>.</summary>
public sealed class BindingChangedEventArgs : EventArgs
{
    /// <summary>Initializes a new instance of the <see cref="BindingChangedEventArgs"/> class.</summary>
    /// <param name="change">The change.</param>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public BindingChangedEventArgs(BindingChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Change = change;
    }

    /// <summary>Gets the change.</summary>
    public BindingChange Change { get; }
}
