using System.Collections.Immutable;

namespace K7.TimeFrames;

/// <summary>Value equality helpers for the immutable arrays on models.</summary>
internal static class Sequence
{
    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b) =>
        a.AsSpan().SequenceEqual(b.AsSpan());

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = default(HashCode);
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
