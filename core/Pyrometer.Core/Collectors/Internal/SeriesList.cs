namespace Pyrometer.Internal;

/// <summary>
/// The series of a collector in creation order, with holes (nulls) where series were removed. Only the writer,
/// under its lock, changes a list, and only in ways a lock-free reader can follow: it fills the position at
/// <see cref="End"/> before moving <see cref="End"/> past it, and it punches holes. Growing or compacting
/// publishes a new list and leaves this one as it was, so a reader never sees a series move.
/// </summary>
internal sealed class SeriesList<TSeries>
    where TSeries : MetricSeries
{
    public static readonly SeriesList<TSeries> Empty = new(0);

    public SeriesList(int capacity)
    {
        Items = capacity == 0 ? [] : new TSeries?[capacity];
    }

    public TSeries?[] Items { get; }

    /// <summary>The number of positions filled so far, holes included.</summary>
    public int End;

    /// <summary>The number of series in the list, holes excluded. Raised before <see cref="End"/> on an append
    /// and lowered after a hole is punched, so a reader that reads <see cref="End"/> first never finds more
    /// series below it than this.</summary>
    public int Live;

    public int Holes => End - Live;
}
