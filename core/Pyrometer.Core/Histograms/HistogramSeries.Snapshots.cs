namespace Pyrometer;

public sealed partial class HistogramSeries
{
    /// <summary>
    /// Fills <paramref name="destination"/> with a consistent reading of this series: count, sum, cumulative
    /// classic buckets and, for a native histogram, its schema, zero bucket and non-empty native buckets in
    /// increasing index order. Allocates only when the destination must grow; reuse it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void CopySnapshot(HistogramSnapshot destination)
    {
        Guard.NotNull(destination);
        var count = Collect(destination.ClassicBuffer(_buckets), destination, out var sum);
        destination.SetTotals(count, sum);
    }

    /// <summary>Reads both sides at one instant: <paramref name="cumulative"/> (empty or one per bucket), the native part into <paramref name="snapshot"/>.</summary>
    private long Collect(Span<long> cumulative, HistogramSnapshot? snapshot, out double sum)
    {
        if (_native is null)
        {
            snapshot?.ClearNative();
            return CollectClassic(cumulative, out sum);
        }

        lock (_cells)
        {
            if (_nativeOnly && TryCollectExclusive(cumulative, snapshot, out sum, out var count))
            {
                return count;
            }

            var hot = HotSide();
            var cold = _stride - hot;

            // Nothing writes the cold side: the previous reading waited until every observation on it completed.
            var coldCompleted = ReadBuckets(cold, cumulative, add: false);
            var coldSum = Volatile.Read(ref SumOf(cold));
            if (_native is not null && snapshot is not null)
            {
                snapshot.BeginNative(_native.Side(cold));
            }
            else
            {
                snapshot?.ClearNative();
            }

            var started = Flip();
            WaitForSide(hot, started - coldCompleted);
            var total = coldCompleted + ReadBuckets(hot, cumulative, add: true);
            sum = coldSum + Volatile.Read(ref SumOf(hot));
            if (_native is not null && snapshot is not null)
            {
                snapshot.AddNative(_native.Side(hot));
            }

            long running = 0;
            for (var i = 0; i < cumulative.Length; i++)
            {
                running += cumulative[i];
                cumulative[i] = running;
            }

            return total;
        }
    }

    /// <summary>Gets the cell offset of the hot side.</summary>
    private int HotSide() => (int)(Volatile.Read(ref _countAndHot) >> 63) & _stride;

    /// <summary>Makes the cold side hot and returns the number of observations started so far.</summary>
    private long Flip() => Interlocked.Add(ref _countAndHot, long.MinValue) & long.MaxValue;

    /// <summary>Waits until the side has completed <paramref name="expected"/> observations.</summary>
    private void WaitForSide(int side, long expected)
    {
        var spinner = default(SpinWait);
        while (ReadBuckets(side, default, add: false) != expected)
        {
            spinner.SpinOnce();
        }
    }

    /// <summary>Returns the side's completed observations, copying or adding its bucket counts into <paramref name="counts"/> unless empty.</summary>
    private long ReadBuckets(int side, Span<long> counts, bool add)
    {
        if (_nativeOnly)
        {
            var completed = _native!.Side(side).Total;
            if (!counts.IsEmpty)
            {
                counts[0] = add ? counts[0] + completed : completed;
            }

            return completed;
        }

        long total = 0;
        for (var i = 0; i < _buckets; i++)
        {
            var count = Volatile.Read(ref _cells[side + 1 + i]);
            total += count;
            if (!counts.IsEmpty)
            {
                counts[i] = add ? counts[i] + count : count;
            }
        }

        return total;
    }
}
