using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using NodaTime;

namespace K7.Sip.Authentication;

/// <summary>
/// The default <see cref="INonceManager"/>: stateless, self-validating nonces, plus a bounded table of nonce counts
/// for replay protection.
/// </summary>
/// <remarks>
/// <para>A nonce is 40 bytes in base64url (54 characters): the issue time (8 bytes, Unix ticks), 16 random bytes,
/// and the first 16 bytes of an HMAC-SHA256 over those 24 bytes with the manager's key. Checking a nonce needs no
/// lookup: a forged or altered nonce fails the HMAC, an authentic one older than
/// <see cref="DigestAuthenticationOptions.NonceLifetime"/> is stale. Servers that share
/// <see cref="DigestAuthenticationOptions.NonceKey"/> accept each other's nonces.</para>
/// <para>For each nonce that was used, the highest <c>nc</c> is remembered until the nonce expires; a count that is
/// not higher (or 0) is a replay. The table holds at most <see cref="DigestAuthenticationOptions.MaxNonceCountEntries"/>
/// nonces (about 64 bytes each): when it is full, expired entries are dropped, then the oldest quarter, and every
/// nonce issued up to the newest dropped one is from then on answered as stale rather than trusted.</para>
/// <para>This class is thread-safe.</para>
/// </remarks>
public sealed class NonceManager : INonceManager
{
    private const int TimeSize = 8;
    private const int RandomSize = 16;
    private const int TagSize = 16;
    private const int NonceSize = TimeSize + RandomSize + TagSize;
    private const int NonceTextLength = 54;

    private readonly byte[] _key;
    private readonly IClock _clock;
    private readonly long _lifetimeTicks;
    private readonly int _maxEntries;
    private readonly Dictionary<UInt128, Entry> _counts = [];
    private readonly Lock _lock = new();
    [ThreadStatic]
    private static KeyedHmac? _threadHmac;
    private long _forgottenUpTo = long.MinValue;
    private long _lastSweep;

    /// <summary>Initializes a new instance of the <see cref="NonceManager"/> class.</summary>
    /// <param name="options">The options (<see cref="DigestAuthenticationOptions.NonceLifetime"/>,
    /// <see cref="DigestAuthenticationOptions.MaxNonceCountEntries"/>, <see cref="DigestAuthenticationOptions.NonceKey"/>).</param>
    /// <param name="clock">The clock that dates nonces.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public NonceManager(DigestAuthenticationOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.ThrowIfInvalid(nameof(options));
        _key = options.NonceKey is null ? RandomNumberGenerator.GetBytes(32) : (byte[])options.NonceKey.Clone();
        _clock = clock;
        _lifetimeTicks = options.NonceLifetime.BclCompatibleTicks;
        _maxEntries = options.MaxNonceCountEntries;
        _lastSweep = clock.GetCurrentInstant().ToUnixTimeTicks();
    }

    /// <summary>Gets the number of nonces whose nonce counts are currently remembered.</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_lock)
            {
                return _counts.Count;
            }
        }
    }

    /// <inheritdoc/>
    public string CreateNonce()
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _clock.GetCurrentInstant().ToUnixTimeTicks());
        RandomNumberGenerator.Fill(nonce.Slice(TimeSize, RandomSize));
        WriteTag(nonce[..(TimeSize + RandomSize)], nonce[(TimeSize + RandomSize)..]);
        return Base64Url.EncodeToString(nonce);
    }

    /// <inheritdoc/>
    public NonceStatus Validate(ReadOnlySpan<char> nonce) => Check(nonce, out _, out _);

    /// <inheritdoc/>
    public NonceStatus UseNonceCount(ReadOnlySpan<char> nonce, uint nonceCount)
    {
        var status = Check(nonce, out var issued, out var id);
        if (status != NonceStatus.Valid)
        {
            return status;
        }

        if (nonceCount == 0)
        {
            return NonceStatus.Replay;
        }

        var now = _clock.GetCurrentInstant().ToUnixTimeTicks();
        lock (_lock)
        {
            if (issued <= _forgottenUpTo)
            {
                return NonceStatus.Stale;
            }

            ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_counts, id);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
            {
                if (nonceCount <= entry.HighestCount)
                {
                    return NonceStatus.Replay;
                }

                entry.HighestCount = nonceCount;
                return NonceStatus.Valid;
            }

            if (now - _lastSweep > _lifetimeTicks)
            {
                RemoveExpired(now);
            }

            if (_counts.Count >= _maxEntries)
            {
                Compact(now);
                if (issued <= _forgottenUpTo)
                {
                    return NonceStatus.Stale;
                }
            }

            _counts.Add(id, new Entry { Issued = issued, HighestCount = nonceCount });
            return NonceStatus.Valid;
        }
    }

    private NonceStatus Check(ReadOnlySpan<char> text, out long issued, out UInt128 id)
    {
        issued = 0;
        id = default;
        if (text.Length != NonceTextLength)
        {
            return NonceStatus.Invalid;
        }

        Span<byte> nonce = stackalloc byte[NonceSize];
        if (Base64Url.DecodeFromChars(text, nonce, out _, out var written) != OperationStatus.Done || written != NonceSize)
        {
            return NonceStatus.Invalid;
        }

        // Only the canonical spelling is accepted (the last character carries unused bits).
        Span<char> canonical = stackalloc char[NonceTextLength];
        if (!Base64Url.TryEncodeToChars(nonce, canonical, out _) || !canonical.SequenceEqual(text))
        {
            return NonceStatus.Invalid;
        }

        Span<byte> tag = stackalloc byte[TagSize];
        WriteTag(nonce[..(TimeSize + RandomSize)], tag);
        if (!CryptographicOperations.FixedTimeEquals(tag, nonce[(TimeSize + RandomSize)..]))
        {
            return NonceStatus.Invalid;
        }

        issued = BinaryPrimitives.ReadInt64BigEndian(nonce);
        id = BinaryPrimitives.ReadUInt128BigEndian(nonce.Slice(TimeSize, RandomSize));
        var age = _clock.GetCurrentInstant().ToUnixTimeTicks() - issued;

        // A nonce dated in the future beyond one lifetime did not come from a sane clock sharing our key.
        if (age < -_lifetimeTicks)
        {
            return NonceStatus.Invalid;
        }

        return age > _lifetimeTicks ? NonceStatus.Stale : NonceStatus.Valid;
    }

    private void WriteTag(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        // One keyed HMAC per thread, reset after each use: the key schedule is paid once per thread instead of once
        // per nonce (a one-shot HMAC costs about as much as the rest of a REGISTER's digest work).
        var keyed = _threadHmac;
        if (keyed is null || !ReferenceEquals(keyed.Owner, this))
        {
            keyed?.Hmac.Dispose();
            _threadHmac = keyed = new KeyedHmac(this, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key));
        }

        var hmac = keyed.Hmac;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.AppendData(data);
        hmac.GetHashAndReset(mac);
        mac[..TagSize].CopyTo(destination);
    }

    private void RemoveExpired(long now)
    {
        _lastSweep = now;
        foreach (var pair in _counts)
        {
            if (now - pair.Value.Issued > _lifetimeTicks)
            {
                _counts.Remove(pair.Key);
            }
        }
    }

    private void Compact(long now)
    {
        RemoveExpired(now);
        if (_counts.Count < _maxEntries * 3 / 4)
        {
            return;
        }

        var issued = new long[_counts.Count];
        var i = 0;
        foreach (var pair in _counts)
        {
            issued[i++] = pair.Value.Issued;
        }

        Array.Sort(issued);
        var threshold = issued[(issued.Length / 4) - 1];
        foreach (var pair in _counts)
        {
            if (pair.Value.Issued <= threshold)
            {
                _counts.Remove(pair.Key);
            }
        }

        _forgottenUpTo = Math.Max(_forgottenUpTo, threshold);
    }

    private struct Entry
    {
        public long Issued;
        public uint HighestCount;
    }

    /// <summary>A thread's keyed HMAC, for the manager that keyed it.</summary>
    private sealed record KeyedHmac(NonceManager Owner, IncrementalHash Hmac);
}
