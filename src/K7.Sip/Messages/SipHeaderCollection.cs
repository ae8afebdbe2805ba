using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace K7.Sip;

/// <summary>
/// The headers of a SIP message, in the order received. Lookups by name are case-insensitive and treat the compact
/// and long forms as the same header (<c>v</c> is <c>Via</c>).
/// </summary>
public sealed partial class SipHeaderCollection : IReadOnlyList<SipHeader>
{
    private readonly SipHeader[] _headers;

    internal SipHeaderCollection(SipHeader[] headers) => _headers = headers;

    /// <summary>Gets the empty collection.</summary>
    public static SipHeaderCollection Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _headers.Length;

    /// <inheritdoc/>
    public SipHeader this[int index] => _headers[index];

    /// <summary>Gets the value of the first header with this name, or <see langword="null"/>.</summary>
    /// <param name="name">The header name, long or compact form, any case.</param>
    /// <returns>The whole value of the first matching header line.</returns>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Creates an empty builder.</summary>
    /// <returns>A new builder.</returns>
    public static Builder CreateBuilder() => new([]);

    /// <summary>Creates a builder holding these headers.</summary>
    /// <returns>A new builder.</returns>
    public Builder ToBuilder() => new(_headers);

    /// <summary>Gets the value of the first header with this name.</summary>
    /// <param name="name">The header name, long or compact form, any case.</param>
    /// <param name="value">The value when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        var i = IndexOf(name, 0);
        value = i >= 0 ? _headers[i].Value : null;
        return i >= 0;
    }

    /// <summary>
    /// Gets every value of a header: each header line with that name, in order, split at top-level commas when the
    /// header is a list header (<see cref="SipHeaderNames.IsList"/>).
    /// </summary>
    /// <param name="name">The header name, long or compact form, any case.</param>
    /// <returns>The values, possibly none.</returns>
    public IEnumerable<string> GetValues(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var list = SipHeaderNames.IsList(name);
        var result = new List<string>();
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            if (list)
            {
                foreach (var part in SipGrammar.SplitList(_headers[i].Value))
                {
                    if (part.Length > 0)
                    {
                        result.Add(part);
                    }
                }
            }
            else
            {
                result.Add(_headers[i].Value);
            }
        }

        return result;
    }

    /// <summary>Whether at least one header line has this name.</summary>
    /// <param name="name">The header name, long or compact form, any case.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>The number of header lines with this name (not split into list values).</summary>
    /// <param name="name">The header name, long or compact form, any case.</param>
    /// <returns>The count of header lines.</returns>
    public int CountOf(string name)
    {
        var n = 0;
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            n++;
        }

        return n;
    }

    /// <inheritdoc/>
    public IEnumerator<SipHeader> GetEnumerator() => ((IEnumerable<SipHeader>)_headers).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal SipHeader[] AsArray() => _headers;

    private int IndexOf(string name, int start)
    {
        ArgumentNullException.ThrowIfNull(name);
        var expanded = SipHeaderNames.Expand(name);
        for (var i = start; i < _headers.Length; i++)
        {
            var n = _headers[i].Name;
            if (string.Equals(n, expanded, StringComparison.OrdinalIgnoreCase) ||
                (n.Length == 1 && string.Equals(SipHeaderNames.FromCompact(n[0]), expanded, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }
}
