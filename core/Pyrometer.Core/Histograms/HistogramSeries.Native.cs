using System.Runtime.CompilerServices;

namespace Pyrometer;

public sealed partial class HistogramSeries
{
    private readonly NativeState? _native;

    // No classic buckets: the one +Inf cell stays unused and the native counts give the count.
    private readonly bool _nativeOnly;

    /// <summary>
    /// Observes into a native histogram: starts the observation on the hot side, adds its value to that side's sum
    /// and native buckets and, last, completes it there (see the remarks on <see cref="HistogramSeries"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveNative(double value)
    {
        var bucket = BucketSearch.IndexOf(_finiteBounds, value);
        var side = (int)(Interlocked.Increment(ref _countAndHot) >> 63) & _stride;
        AtomicDouble.Add(ref SumOf(side), value);

        var native = _native!;
        var counts = native.Side(side);
        var opened = counts.Observe(value, out var key);

        // The last add tells a reading the observation is complete: the classic bucket's, or for a native-only
        // histogram (whose one classic bucket is the count) the native one just made.
        if (!_nativeOnly)
        {
            Interlocked.Increment(ref _cells[side + 1 + bucket]);
        }

        if (opened && native.Layout.MaxBucketCount > 0)
        {
            OnBucketOpened(native, counts, side, value, key);
        }
    }

    private void OnBucketOpened(NativeState native, NativeCounts counts, int side, double value, int key)
    {
        var other = native.Side(_stride - side);
        if (other.Schema == counts.Schema && other.ZeroThreshold.Equals(counts.ZeroThreshold) && other.Holds(value, key))
        {
            return;
        }

        if (Interlocked.Increment(ref native.BucketCount) > native.Layout.MaxBucketCount)
        {
            LimitBuckets(native, value);
        }
    }

    /// <summary>Brings the bucket count back within the limit: reset, else widen the zero bucket, else halve the resolution.</summary>
    private void LimitBuckets(NativeState native, double value)
    {
        lock (_cells)
        {
            var layout = native.Layout;
            var count = CountNativeBuckets(native);
            Volatile.Write(ref native.BucketCount, count);
            if (count <= layout.MaxBucketCount)
            {
                return;
            }

            var now = Collector.TimeProvider.GetUtcNow();
            if (layout.MinResetDuration > TimeSpan.Zero && now - native.LastReset >= layout.MinResetDuration)
            {
                Reset(native, value, now);
                return;
            }

            var current = native.Side(0);
            if (!TryWidenZeroBucket(native, current) && current.Schema > NativeBounds.MinSchema)
            {
                Rebucket(native, current.Schema - 1, current.ZeroThreshold);
            }
        }
    }

    private bool TryWidenZeroBucket(NativeState native, NativeCounts current)
    {
        var smallest = int.MaxValue;
        foreach (var side in new[] { native.Side(0), native.Side(_stride) })
        {
            smallest = Math.Min(smallest, FirstKey(side.Positive));
            smallest = Math.Min(smallest, FirstKey(side.Negative));
        }

        if (smallest == int.MaxValue)
        {
            return false;
        }

        var threshold = NativeBounds.UpperBound(smallest, current.Schema);
        if (threshold > native.Layout.MaxZeroThreshold || threshold <= current.ZeroThreshold)
        {
            return false;
        }

        Rebucket(native, current.Schema, threshold);
        return true;
    }

    /// <summary>Moves both sides to a new layout, one at a time: the cold one, then, once retired, the hot one.</summary>
    private void Rebucket(NativeState native, int schema, double zeroThreshold)
    {
        var hot = HotSide();
        var cold = _stride - hot;
        var coldCompleted = ReadBuckets(cold, default, add: false);
        native.Replace(cold, native.Side(cold).Rebucketed(schema, zeroThreshold));
        WaitForSide(hot, Flip() - coldCompleted);
        native.Replace(hot, native.Side(hot).Rebucketed(schema, zeroThreshold));
        Volatile.Write(ref native.BucketCount, CountNativeBuckets(native));
    }

    /// <summary>Starts the series over, in the initial layout, with only the observation that went past the limit.</summary>
    private void Reset(NativeState native, double value, DateTimeOffset now)
    {
        var layout = native.Layout;
        var hot = HotSide();
        var cold = _stride - hot;
        var coldCompleted = ReadBuckets(cold, default, add: false);
        Array.Clear(_cells, cold, _stride);
        SumOf(cold) = value;
        if (!_nativeOnly)
        {
            _cells[cold + 1 + BucketSearch.IndexOf(_finiteBounds, value)] = 1;
        }

        var fresh = new NativeCounts(layout.Schema, layout.ZeroThreshold);
        fresh.Observe(value, out _);
        native.Replace(cold, fresh);

        var previous = Interlocked.Exchange(ref _countAndHot, (cold == 0 ? 0 : long.MinValue) | 1);
        WaitForSide(hot, (previous & long.MaxValue) - coldCompleted);
        Array.Clear(_cells, hot, _stride);
        native.Replace(hot, new NativeCounts(layout.Schema, layout.ZeroThreshold));
        Volatile.Write(ref native.BucketCount, CountNativeBuckets(native));
        native.LastReset = now;

        // A reset starts a new lifetime of the series' counts: their created timestamp moves with it.
        Created = now;
    }

    /// <summary>Counts the distinct non-empty buckets of both sides, which share a layout outside <see cref="Rebucket"/>.</summary>
    private int CountNativeBuckets(NativeState native)
    {
        var first = native.Side(0);
        var second = native.Side(_stride);
        return CountDistinct(first.Positive, second.Positive) + CountDistinct(first.Negative, second.Negative);
    }

    private static int CountDistinct(SparseBuckets first, SparseBuckets second)
    {
        var count = 0;
        var a = first.GetEnumerator();
        var b = second.GetEnumerator();
        var hasA = a.MoveNext();
        var hasB = b.MoveNext();
        while (hasA || hasB)
        {
            count++;
            if (hasA && hasB && a.Current.Index == b.Current.Index)
            {
                hasA = a.MoveNext();
                hasB = b.MoveNext();
            }
            else if (hasA && (!hasB || a.Current.Index < b.Current.Index))
            {
                hasA = a.MoveNext();
            }
            else
            {
                hasB = b.MoveNext();
            }
        }

        return count;
    }

    private static int FirstKey(SparseBuckets buckets)
    {
        var enumerator = buckets.GetEnumerator();
        return enumerator.MoveNext() ? enumerator.Current.Index : int.MaxValue;
    }
}
