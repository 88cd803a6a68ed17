namespace Pyrometer;

/// <summary>The series of a collector at one moment, in creation order. A struct: reading it allocates nothing.</summary>
/// <typeparam name="TSeries">The series handle type.</typeparam>
public readonly struct SeriesView<TSeries>
    where TSeries : MetricSeries
{
    private readonly TSeries[] _items;

    internal SeriesView(SeriesList<TSeries> list)
    {
        _items = list.Items;
        Count = Volatile.Read(ref list.Count);
    }

    /// <summary>Gets the number of series.</summary>
    public int Count { get; }

    /// <summary>Gets the series at an index.</summary>
    public TSeries this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Gets the series as a span.</summary>
    public ReadOnlySpan<TSeries> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Gets an enumerator over the series.</summary>
    public ReadOnlySpan<TSeries>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();
}
