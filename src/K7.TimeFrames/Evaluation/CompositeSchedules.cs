namespace K7.TimeFrames;

/// <summary>A compiled <see cref="AlwaysDefinition"/>.</summary>
internal sealed class AlwaysSchedule : LocalSchedule
{
    public static readonly AlwaysSchedule Instance = new();

    public override bool Contains(long localSeconds) => true;

    public override void Collect(long from, long to, List<LocalSpan> sink) => sink.Add(new LocalSpan(from, to));
}

/// <summary>A compiled <see cref="CustomDefinition"/>: the union of its children.</summary>
internal sealed class CustomSchedule(LocalSchedule[] children) : LocalSchedule
{
    private readonly LocalSchedule[] _children = children;

    public override bool Contains(long localSeconds)
    {
        foreach (var child in _children)
        {
            if (child.Contains(localSeconds))
            {
                return true;
            }
        }

        return false;
    }

    public override void Collect(long from, long to, List<LocalSpan> sink)
    {
        foreach (var child in _children)
        {
            child.Collect(from, to, sink);
        }
    }
}
