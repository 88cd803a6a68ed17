using System.Runtime.CompilerServices;

namespace Pyrometer;

public sealed partial class HistogramSeries
{
    // A native-only series starts with a gate, as classic cells have: an observation takes it with one
    // compare-and-swap, counts into the first side (sum, zero or NaN count, native bucket) with plain writes and
    // opens it; a reading takes it too. Growing a bucket chunk, widening the zero bucket, halving the resolution
    // and resetting run while the gate is held. The first time two threads collide on it the gate retires for
    // good and the series uses the hot and cold sides, the first side already holding what the gate counted.
    private const long GateOpen = 0;
    private const long GateHeld = 1;
    private const long GateRetiring = 2;
    private const long GateRetired = 3;

    private long _nativeGate;

    /// <summary>Gets whether a native-only series has given up its gate for the hot and cold sides, for tests.</summary>
    internal bool IsNativeGateRetired => Volatile.Read(ref _nativeGate) == GateRetired;

    /// <summary>Counts an observation while holding the gate, and opens it; the way that may call out (to create a bucket chunk or key a subnormal or infinite value).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ObserveExclusive(double value)
    {
        SumOf(0) += value;
        var native = _native!;
        var limit = native.Layout.MaxBucketCount;
        if (native.Side(0).ObserveExclusive(value, out _) && limit > 0 && ++native.BucketCount > limit)
        {
            LimitBucketsExclusive(native, value);
            return;
        }

        Volatile.Write(ref _nativeGate, GateOpen);
    }

    /// <summary>
    /// Counts the bucket a value just opened (the caller holds the gate and has counted the value) and, past the
    /// limit, brings the count back within it; opens the gate.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnFirstInCellExclusive(double value)
    {
        var native = _native!;
        var limit = native.Layout.MaxBucketCount;
        var zeroThreshold = native.Side(0).ZeroThreshold;

        // The zero bucket and NaN's counter are no buckets of the limit (NaN compares false).
        if (limit > 0 && (value > zeroThreshold || value < -zeroThreshold) && ++native.BucketCount > limit)
        {
            LimitBucketsExclusive(native, value);
            return;
        }

        Volatile.Write(ref _nativeGate, GateOpen);
    }

    /// <summary>Brings the bucket count back within the limit while holding the gate, and opens it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LimitBucketsExclusive(NativeState native, double value)
    {
        try
        {
            ApplyBucketLimit(native, value, exclusive: true);
        }
        finally
        {
            Volatile.Write(ref _nativeGate, GateOpen);
        }
    }

    /// <summary>Starts the series over under the gate, in the initial layout, with only the observation that went past the limit.</summary>
    private void ResetExclusive(NativeState native, double value, DateTimeOffset now)
    {
        var layout = native.Layout;
        SumOf(0) = value;
        var fresh = new NativeCounts(layout.Schema, layout.ZeroThreshold);
        fresh.ObserveExclusive(value, out _);
        native.Replace(0, fresh);
        native.Replace(_stride, new NativeCounts(layout.Schema, layout.ZeroThreshold));
        Volatile.Write(ref native.BucketCount, CountNativeBuckets(native));
        native.LastReset = now;

        // A reset starts a new lifetime of the series' counts: their created timestamp moves with it.
        Created = now;
    }

    /// <summary>
    /// Retires the gate once nobody holds it: the first side's counts become the hot side's, every observation on
    /// it complete, so the hot and cold scheme carries on from there. Internal for tests.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void RetireGate()
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var state = Interlocked.CompareExchange(ref _nativeGate, GateRetiring, GateOpen);
            if (state == GateOpen)
            {
                // Nothing flipped the sides while the gate was in use: the hot side is the first.
                Volatile.Write(ref _countAndHot, _native!.Side(0).Total);
                Volatile.Write(ref _nativeGate, GateRetired);
                return;
            }

            if (state == GateRetired)
            {
                return;
            }

            Spin(ref spinner);
        }
    }

    /// <summary>
    /// Reads a native-only series under its gate (the caller holds the series lock); returns false, reading
    /// nothing, once the gate has retired.
    /// </summary>
    private bool TryCollectExclusive(Span<long> cumulative, HistogramSnapshot? snapshot, out double sum, out long count)
    {
        var spinner = default(SpinWait);
        while (true)
        {
            var state = Interlocked.CompareExchange(ref _nativeGate, GateHeld, GateOpen);
            if (state == GateOpen)
            {
                break;
            }

            if (state == GateRetired)
            {
                sum = 0;
                count = 0;
                return false;
            }

            Spin(ref spinner);
        }

        var counts = _native!.Side(0);
        sum = SumOf(0);
        count = counts.Total;
        if (!cumulative.IsEmpty)
        {
            cumulative[0] = count;
        }

        snapshot?.BeginNative(counts);
        Volatile.Write(ref _nativeGate, GateOpen);
        return true;
    }
}
