using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pyrometer;

public sealed partial class HistogramSeries
{
    private readonly NativeState? _native;

    // No classic buckets: the one +Inf cell stays unused and the native counts give the count.
    private readonly bool _nativeOnly;

    /// <summary>
    /// Observes into a native histogram: a native-only one whose gate is open takes it and counts with plain writes
    /// (see HistogramSeries.NativeGate.cs); any other goes to <see cref="ObserveShared"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveNative(double value)
    {
        // Every call here is a rare way out that returns at once, so the common path saves no register (the JIT
        // keeps only a frame pointer): finding the cell needs no call unless its chunk is new or the value extreme.
        if (!_nativeOnly || Volatile.Read(ref _nativeGate) != GateOpen || Interlocked.CompareExchange(ref _nativeGate, GateHeld, GateOpen) != GateOpen)
        {
            ObserveShared(value);
            return;
        }

#if NET
        ref var cell = ref _native!.Side(0).ExistingCellOf(value);
        if (Unsafe.IsNullRef(ref cell))
        {
            ObserveExclusive(value);
            return;
        }

        Unsafe.As<long, double>(ref MemoryMarshal.GetArrayDataReference(_cells)) += value;
        if (++cell == 1)
        {
            OnFirstInCellExclusive(value);
            return;
        }

        Volatile.Write(ref _nativeGate, GateOpen);
#else
        ObserveExclusive(value);
#endif
    }

    /// <summary>
    /// Observes with the hot and cold sides: starts the observation on the hot side, adds its value to that side's
    /// sum and native buckets and, last, completes it there (see the remarks on <see cref="HistogramSeries"/>). A
    /// native-only series comes here once its gate has collided, and retires the gate first.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveShared(double value)
    {
        if (_nativeOnly && Volatile.Read(ref _nativeGate) != GateRetired)
        {
            RetireGate();
        }

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

    /// <summary>Brings the bucket count back within the limit, under the series lock (observers use the hot and cold sides).</summary>
    private void LimitBuckets(NativeState native, double value)
    {
        lock (_cells)
        {
            ApplyBucketLimit(native, value, exclusive: false);
        }
    }

    /// <summary>
    /// Brings the bucket count back within the limit: reset, else widen the zero bucket, else halve the resolution.
    /// <paramref name="exclusive"/>: the caller holds the gate, so nothing else writes or reads the counts.
    /// </summary>
    private void ApplyBucketLimit(NativeState native, double value, bool exclusive)
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
            if (exclusive)
            {
                ResetExclusive(native, value, now);
            }
            else
            {
                Reset(native, value, now);
            }

            return;
        }

        var current = native.Side(0);
        if (WiderZeroThreshold(native, current) is { } threshold)
        {
            Rebucket(native, current.Schema, threshold, exclusive);
        }
        else if (current.Schema > NativeBounds.MinSchema)
        {
            Rebucket(native, current.Schema - 1, current.ZeroThreshold, exclusive);
        }
    }

    /// <summary>Gets the zero threshold that takes in the lowest non-empty bucket, or null when none may.</summary>
    private double? WiderZeroThreshold(NativeState native, NativeCounts current)
    {
        var smallest = int.MaxValue;
        foreach (var side in new[] { native.Side(0), native.Side(_stride) })
        {
            smallest = Math.Min(smallest, FirstKey(side.Positive));
            smallest = Math.Min(smallest, FirstKey(side.Negative));
        }

        if (smallest == int.MaxValue)
        {
            return null;
        }

        var threshold = NativeBounds.UpperBound(smallest, current.Schema);
        if (threshold > native.Layout.MaxZeroThreshold || threshold <= current.ZeroThreshold)
        {
            return null;
        }

        return threshold;
    }

    /// <summary>
    /// Moves both sides to a new layout: under the gate at once, else one at a time: the cold one, then, once
    /// retired, the hot one.
    /// </summary>
    private void Rebucket(NativeState native, int schema, double zeroThreshold, bool exclusive)
    {
        if (exclusive)
        {
            // Under the gate nothing writes either side (the second is empty until the gate retires).
            native.Replace(0, native.Side(0).Rebucketed(schema, zeroThreshold));
            native.Replace(_stride, native.Side(_stride).Rebucketed(schema, zeroThreshold));
            Volatile.Write(ref native.BucketCount, CountNativeBuckets(native));
            return;
        }

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
