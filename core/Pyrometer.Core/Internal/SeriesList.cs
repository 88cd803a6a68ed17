namespace Pyrometer.Internal;

/// <summary>
/// An append-only array of series in creation order. Appends past <see cref="Count"/> never disturb a reader
/// that read <see cref="Count"/> first; growth and removal publish a new list instead of changing this one.
/// </summary>
internal sealed class SeriesList<TSeries>
    where TSeries : MetricSeries
{
    public static readonly SeriesList<TSeries> Empty = new(0);

    public SeriesList(int capacity)
    {
        Items = capacity == 0 ? [] : new TSeries[capacity];
    }

    public TSeries[] Items { get; }

    public int Count;
}
