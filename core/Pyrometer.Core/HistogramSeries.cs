using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>One series of a <see cref="Histogram"/>. Observing never allocates nor looks anything up.</summary>
public sealed partial class HistogramSeries : MetricSeries, IValueObserver
{
    private readonly double[] _upperBounds;

    // Non-cumulative per-bucket counts; the total count is their sum, so a snapshot's +Inf bucket always equals its count.
    private readonly long[] _counts;
    private double _sum;

    internal HistogramSeries(Histogram histogram, string[] labelNames, string[] labelValues, int hash)
        : base(histogram, labelNames, labelValues, hash)
    {
        _upperBounds = histogram.UpperBoundArray;
        _counts = new long[_upperBounds.Length];
    }

    /// <summary>Gets the sum of all observations.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Gets the number of observations.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (ref readonly var count in _counts.AsSpan())
            {
                total += Volatile.Read(ref Unsafe.AsRef(in count));
            }

            return total;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(double value)
    {
        Interlocked.Increment(ref _counts[BucketOf(value)]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>
    /// Copies the cumulative bucket counts (one per <see cref="Histogram.UpperBounds"/> entry, the last being
    /// +Inf) into <paramref name="cumulativeCounts"/> and returns the total count, which always equals the last
    /// bucket. Counts never decrease from one snapshot to the next.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than the bucket list.</exception>
    public long CopyCumulativeCounts(Span<long> cumulativeCounts, out double sum)
    {
        if (cumulativeCounts.Length < _counts.Length)
        {
            throw new ArgumentException($"The destination needs room for {_counts.Length} buckets.", nameof(cumulativeCounts));
        }

        long total = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            total += Volatile.Read(ref _counts[i]);
            cumulativeCounts[i] = total;
        }

        sum = Volatile.Read(ref _sum);
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(double value)
    {
        var bounds = _upperBounds;
        var i = 0;

        // The last bound is +Inf, so the scan always stops; NaN compares false everywhere and is caught there.
        while (!(value <= bounds[i]))
        {
            if (++i == bounds.Length)
            {
                ThrowHelper.NaNObservation(value);
            }
        }

        return i;
    }
}
