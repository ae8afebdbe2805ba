using System.Collections.Immutable;

namespace K7.Routing;

/// <summary>The "Simultaneous ring" settings of an answering rule: which devices and numbers ring together.</summary>
/// <remarks><see cref="Targets"/> is value-compared (in order).</remarks>
public sealed record SimultaneousRing
{
    /// <summary>Gets a value indicating whether the user's extension (their main device only) rings.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool IncludeUserExtension { get; init; } = true;

    /// <summary>Gets a value indicating whether every registered device of the user rings, including ones added later.</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool RingAllUserPhones { get; init; }

    /// <summary>Gets a value indicating whether an off-net number that answers must confirm ("press 1 to accept this call").</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool AnswerConfirmationForOffNet { get; init; }

    /// <summary>Gets the extra extensions, devices or numbers that ring, each with its delay.</summary>
    /// <value>Default: none.</value>
    public ImmutableArray<RingTarget> Targets { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <inheritdoc/>
    public bool Equals(SimultaneousRing? other) =>
        other is not null && IncludeUserExtension == other.IncludeUserExtension && RingAllUserPhones == other.RingAllUserPhones
        && AnswerConfirmationForOffNet == other.AnswerConfirmationForOffNet && Targets.AsSpan().SequenceEqual(other.Targets.AsSpan());

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(IncludeUserExtension);
        hash.Add(RingAllUserPhones);
        hash.Add(AnswerConfirmationForOffNet);
        foreach (var target in Targets)
        {
            hash.Add(target);
        }

        return hash.ToHashCode();
    }
}
