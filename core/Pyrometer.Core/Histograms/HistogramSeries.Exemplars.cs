namespace Pyrometer;

public sealed partial class HistogramSeries
{
    // One slot per bucket, created with the first exemplar so that series without exemplars pay one reference.
    private RecordedExemplar?[]? _exemplars;

    /// <summary>
    /// Records an observation and keeps <paramref name="exemplar"/>, with the value and the current time, as the
    /// latest exemplar of the classic bucket the value falls in (the +Inf one for a native-only histogram).
    /// </summary>
    public void Observe(double value, Exemplar exemplar)
    {
        Guard.NotNull(exemplar);
        if (Volatile.Read(ref Lifecycle) != SeriesLifecycle.Active && Wake() is HistogramSeries successor)
        {
            successor.Observe(value, exemplar);
            return;
        }

        Observe(value);
        var exemplars = Volatile.Read(ref _exemplars) ?? CreateExemplars();
        Volatile.Write(ref exemplars[BucketSearch.IndexOf(_finiteBounds, value)], new RecordedExemplar(exemplar, value, Collector.TimeProvider.GetUtcNow()));
    }

    /// <summary>
    /// Gets the latest exemplar recorded in a bucket (indexed as <see cref="Histogram.UpperBounds"/>), or null
    /// when there is none. Its value always lies within the bucket.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not that of a bucket.</exception>
    public RecordedExemplar? GetExemplar(int bucketIndex)
    {
        if ((uint)bucketIndex >= (uint)_buckets)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketIndex), bucketIndex, $"The histogram has {_buckets} buckets.");
        }

        return Volatile.Read(ref _exemplars) is { } exemplars ? Volatile.Read(ref exemplars[bucketIndex]) : null;
    }

    private RecordedExemplar?[] CreateExemplars()
    {
        var created = new RecordedExemplar?[_buckets];
        return Interlocked.CompareExchange(ref _exemplars, created, null) ?? created;
    }
}
