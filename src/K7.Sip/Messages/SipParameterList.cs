using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace K7.Sip;

/// <summary>
/// An immutable, ordered list of <c>name[=value]</c> parameters (URI parameters, URI headers or header parameters).
/// Names compare case-insensitively; a parameter without a value has a <see langword="null"/> value.
/// </summary>
public sealed class SipParameterList : IReadOnlyList<KeyValuePair<string, string?>>, IEquatable<SipParameterList>
{
    private readonly KeyValuePair<string, string?>[] _items;

    internal SipParameterList(KeyValuePair<string, string?>[] items) => _items = items;

    /// <summary>Gets the empty list.</summary>
    public static SipParameterList Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public KeyValuePair<string, string?> this[int index] => _items[index];

    /// <summary>Gets the value of the first parameter named <paramref name="name"/> (null when absent or valueless).</summary>
    /// <param name="name">The parameter name (case-insensitive).</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Creates a list from name/value pairs.</summary>
    /// <param name="parameters">The parameters, in order.</param>
    /// <returns>The list.</returns>
    public static SipParameterList Create(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var items = parameters.ToArray();
        foreach (var p in items)
        {
            ArgumentException.ThrowIfNullOrEmpty(p.Key, nameof(parameters));
        }

        return items.Length == 0 ? Empty : new SipParameterList(items);
    }

    /// <summary>Whether a parameter with this name is present (with or without a value).</summary>
    /// <param name="name">The parameter name (case-insensitive).</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Gets the value of the first parameter with this name.</summary>
    /// <param name="name">The parameter name (case-insensitive).</param>
    /// <param name="value">The value (null for a valueless parameter).</param>
    /// <returns><see langword="true"/> when the parameter is present.</returns>
    public bool TryGetValue(string name, out string? value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? _items[i].Value : null;
        return i >= 0;
    }

    /// <summary>Returns a list with the parameter set to <paramref name="value"/> (replacing the first of that name, or appended).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, or <see langword="null"/> for a valueless parameter.</param>
    /// <returns>A new list.</returns>
    public SipParameterList With(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var i = IndexOf(name);
        KeyValuePair<string, string?>[] items;
        if (i >= 0)
        {
            items = (KeyValuePair<string, string?>[])_items.Clone();
            items[i] = new(items[i].Key, value);
        }
        else
        {
            items = [.. _items, new(name, value)];
        }

        return new SipParameterList(items);
    }

    /// <summary>Returns a list without any parameter named <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name (case-insensitive).</param>
    /// <returns>A new list, or this one when nothing was removed.</returns>
    public SipParameterList Without(string name)
    {
        if (IndexOf(name) < 0)
        {
            return this;
        }

        var items = _items.Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return items.Length == 0 ? Empty : new SipParameterList(items);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string?>>)_items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Order-sensitive comparison: names case-insensitive, values ordinal.</summary>
    /// <param name="other">The other list.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals([NotNullWhen(true)] SipParameterList? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!string.Equals(_items[i].Key, other._items[i].Key, StringComparison.OrdinalIgnoreCase) ||
                !string.Equals(_items[i].Value, other._items[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SipParameterList);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var p in _items)
        {
            hash.Add(p.Key, StringComparer.OrdinalIgnoreCase);
            hash.Add(p.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the parameters as <c>;name=value</c> text (values written as stored).</summary>
    /// <returns>The wire form of generic parameters.</returns>
    public override string ToString() => _items.Length == 0 ? string.Empty : AppendTo(new System.Text.StringBuilder(64)).ToString();

    /// <summary>Appends the wire form (<c>;name=value</c> for each) to a builder.</summary>
    internal System.Text.StringBuilder AppendTo(System.Text.StringBuilder sb)
    {
        foreach (var p in _items)
        {
            sb.Append(';').Append(p.Key);
            if (p.Value is not null)
            {
                sb.Append('=').Append(p.Value);
            }
        }

        return sb;
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
