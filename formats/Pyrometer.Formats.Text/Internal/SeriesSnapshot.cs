using System.Buffers;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// The series of one collector copied into a pooled array, so a streaming write that pauses between chunks
/// still writes the set it started with.
/// </summary>
internal struct SeriesSnapshot : IDisposable
{
    private MetricSeries[]? _items;
    private int _used;

    /// <summary>Copies the series of a collector and returns how many there are.</summary>
    public int Fill(Collector collector) => collector switch
    {
        Collector<CounterSeries> counter => Copy(counter.Series),
        Collector<GaugeSeries> gauge => Copy(gauge.Series),
        Collector<HistogramSeries> histogram => Copy(histogram.Series),
        Collector<SummarySeries> summary => Copy(summary.Series),
        _ => throw TextExpositionFormat.Unsupported(collector),
    };

    public readonly ReadOnlySpan<MetricSeries> Items(int count) => _items.AsSpan(0, count);

    public void Dispose()
    {
        if (_items is { } items)
        {
            Array.Clear(items, 0, _used);
            ArrayPool<MetricSeries>.Shared.Return(items);
            _items = null;
            _used = 0;
        }
    }

    private int Copy<TSeries>(SeriesView<TSeries> series)
        where TSeries : MetricSeries
    {
        if (_items is null || _items.Length < series.Count)
        {
            Dispose();
            _items = ArrayPool<MetricSeries>.Shared.Rent(Math.Max(series.Count, 16));
        }

        // A view yields at most Count series, so the array is large enough.
        var count = 0;
        foreach (var item in series)
        {
            _items[count++] = item;
        }

        _used = Math.Max(_used, count);
        return count;
    }
}
