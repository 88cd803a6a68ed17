using System.Collections;

namespace Pyrometer;

/// <summary>
/// The series of a collector at one moment, in creation order. A struct: taking it and enumerating it with
/// <c>foreach</c> allocate nothing and never lock, even while other threads add and remove series. An enumeration
/// yields, once each and in creation order, every series that existed when the view was taken and was not
/// removed since; series added since are not included, and a series removed since may or may not be.
/// </summary>
/// <typeparam name="TSeries">The series handle type.</typeparam>
public readonly struct SeriesView<TSeries> : IEnumerable<TSeries>
    where TSeries : MetricSeries
{
    private readonly TSeries?[]? _items;
    private readonly int _end;

    internal SeriesView(SeriesList<TSeries> list)
    {
        _items = list.Items;
        _end = Volatile.Read(ref list.End);
        Count = Volatile.Read(ref list.Live);
    }

    /// <summary>
    /// Gets the number of series when the view was taken. An enumeration yields at most this many, and fewer
    /// when series are removed while it runs.
    /// </summary>
    public int Count { get; }

    /// <summary>Gets an enumerator over the series; <c>foreach</c> uses it without allocating.</summary>
    /// <returns>An enumerator positioned before the first series.</returns>
    public SeriesEnumerator<TSeries> GetEnumerator() => new(_items, _end);

    /// <inheritdoc />
    IEnumerator<TSeries> IEnumerable<TSeries>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
