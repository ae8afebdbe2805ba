namespace K7.Sip.Registrar;

/// <summary>A change to the bindings of a <see cref="LocationService"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Binding">The binding after the change; for <see cref="BindingChangeKind.Removed"/> and <see cref="BindingChangeKind.Expired"/>, the binding that is gone.</param>
/// <param name="Previous">For <see cref="BindingChangeKind.Refreshed"/> and <see cref="BindingChangeKind.Updated"/>, the binding that was replaced; otherwise <see langword="null"/>.</param>
public sealed record BindingChange(BindingChangeKind Kind, Binding Binding, Binding? Previous = null);
