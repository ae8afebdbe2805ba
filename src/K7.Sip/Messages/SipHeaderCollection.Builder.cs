namespace K7.Sip;

/// <content>The mutable builder.</content>
public sealed partial class SipHeaderCollection
{
    /// <summary>Builds a <see cref="SipHeaderCollection"/>.</summary>
    /// <remarks>Not thread-safe. Names and values are checked: names must be tokens, values must not hold line ends.</remarks>
    public sealed class Builder
    {
        private readonly List<SipHeader> _headers;

        internal Builder(IEnumerable<SipHeader> headers) => _headers = [.. headers];

        /// <summary>Gets the number of header lines so far.</summary>
        public int Count => _headers.Count;

        /// <summary>Appends a header line.</summary>
        /// <param name="name">The header name (a token).</param>
        /// <param name="value">The value (no CR or LF).</param>
        /// <returns>This builder.</returns>
        public Builder Add(string name, string value)
        {
            _headers.Add(Check(name, value));
            return this;
        }

        /// <summary>Inserts a header line at <paramref name="index"/> (0 puts it first, e.g. a new topmost Via).</summary>
        /// <param name="index">The position.</param>
        /// <param name="name">The header name (a token).</param>
        /// <param name="value">The value (no CR or LF).</param>
        /// <returns>This builder.</returns>
        public Builder Insert(int index, string name, string value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(index, _headers.Count);
            _headers.Insert(index, Check(name, value));
            return this;
        }

        /// <summary>Replaces every header line of that name (either form) with one line, placed where the first was (or appended).</summary>
        /// <param name="name">The header name (a token).</param>
        /// <param name="value">The value (no CR or LF).</param>
        /// <returns>This builder.</returns>
        public Builder Set(string name, string value)
        {
            var header = Check(name, value);
            var first = _headers.FindIndex(h => SipHeaderNames.AreSame(h.Name, name));
            if (first < 0)
            {
                _headers.Add(header);
                return this;
            }

            Remove(name);
            _headers.Insert(first, header);
            return this;
        }

        /// <summary>Removes every header line of that name (either form).</summary>
        /// <param name="name">The header name.</param>
        /// <returns>This builder.</returns>
        public Builder Remove(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            _headers.RemoveAll(h => SipHeaderNames.AreSame(h.Name, name));
            return this;
        }

        /// <summary>Creates the immutable collection.</summary>
        /// <returns>The headers.</returns>
        public SipHeaderCollection Build() => _headers.Count == 0 ? Empty : new SipHeaderCollection([.. _headers]);

        private static SipHeader Check(string name, string value)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(value);
            if (!SipGrammar.IsToken(name))
            {
                throw new ArgumentException($"The header name '{name}' is not a token.", nameof(name));
            }

            if (value.AsSpan().ContainsAny('\r', '\n'))
            {
                throw new ArgumentException($"The value of header {name} contains a line end.", nameof(value));
            }

            return new SipHeader(name, value.Trim(' ', '\t'));
        }
    }
}
