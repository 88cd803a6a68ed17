using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// The native buckets of one side (hot or cold) of a histogram series, in one layout (schema and zero threshold).
/// A layout change replaces the object rather than changing it, so an observer always counts in one layout.
/// </summary>
internal sealed class NativeCounts(int schema, double zeroThreshold)
{
    public readonly int Schema = schema;
    public readonly double ZeroThreshold = zeroThreshold;
    public readonly SparseBuckets Positive = new();
    public readonly SparseBuckets Negative = new();
    private long _zeroCount;
    private long _nanCount;

    public long ZeroCount => Volatile.Read(ref _zeroCount);

    /// <summary>
    /// Gets the observations counted here: zero bucket, NaN and every bucket. The last atomic add of an observation
    /// is its native one, so for a native-only histogram this is the side's completed observations.
    /// </summary>
    public long Total
    {
        get
        {
            var total = ZeroCount + Volatile.Read(ref _nanCount);
            foreach (var bucket in Positive)
            {
                total += bucket.Count;
            }

            foreach (var bucket in Negative)
            {
                total += bucket.Count;
            }

            return total;
        }
    }

    /// <summary>Counts a value (NaN in no bucket, but counted) and returns whether it opened a bucket this side had never used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Observe(double value, out int key) => Observe(value, exclusive: false, out key);

    /// <summary>
    /// Counts a value like <see cref="Observe(double, out int)"/>, with plain writes: for a caller that holds the
    /// series' gate, so nothing else writes or reads these counts meanwhile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ObserveExclusive(double value, out int key) => Observe(value, exclusive: true, out key);

#if NET
    /// <summary>
    /// Gets the counter a value counts in (a bucket, the zero bucket or NaN's) when no call is needed to find it,
    /// else a null reference (a subnormal or infinite magnitude, a bucket chunk not created yet); for a caller
    /// that holds the series' gate.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref long ExistingCellOf(double value)
    {
        if (value > ZeroThreshold)
        {
            return ref NativeBounds.TryKeyOfNormal(value, Schema, out var key) ? ref Positive.ExistingCell(key) : ref Unsafe.NullRef<long>();
        }

        if (value < -ZeroThreshold)
        {
            return ref NativeBounds.TryKeyOfNormal(-value, Schema, out var key) ? ref Negative.ExistingCell(key) : ref Unsafe.NullRef<long>();
        }

        return ref double.IsNaN(value) ? ref _nanCount : ref _zeroCount;
    }

#endif
    /// <summary>Gets whether the bucket a value fell in holds any observation here; the value is outside the zero bucket.</summary>
    public bool Holds(double value, int key) => (value > 0 ? Positive : Negative).Contains(key);

    /// <summary>
    /// Copies these counts into a new layout with the same or a coarser schema and the same or a wider zero bucket:
    /// buckets 2k−1 and 2k of one schema land in bucket k of the next coarser one, and buckets whose upper bound is
    /// within the new zero threshold join the zero bucket. For a side no observer writes.
    /// </summary>
    public NativeCounts Rebucketed(int schema, double zeroThreshold)
    {
        var result = new NativeCounts(schema, zeroThreshold) { _zeroCount = ZeroCount, _nanCount = Volatile.Read(ref _nanCount) };
        var steps = Schema - schema;
        result._zeroCount += CopyInto(Positive, result.Positive, steps, zeroThreshold);
        result._zeroCount += CopyInto(Negative, result.Negative, steps, zeroThreshold);
        return result;
    }

    /// <summary>Counts a value, atomically unless <paramref name="exclusive"/> (a constant where inlined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Observe(double value, bool exclusive, out int key)
    {
        if (value > ZeroThreshold)
        {
            key = NativeBounds.KeyOf(value, Schema);
            return Positive.Increment(key, exclusive);
        }

        if (value < -ZeroThreshold)
        {
            key = NativeBounds.KeyOf(-value, Schema);
            return Negative.Increment(key, exclusive);
        }

        key = 0;
        ref var cell = ref double.IsNaN(value) ? ref _nanCount : ref _zeroCount;
        if (exclusive)
        {
            cell++;
        }
        else
        {
            Interlocked.Increment(ref cell);
        }

        return false;
    }

    private long CopyInto(SparseBuckets from, SparseBuckets to, int steps, double zeroThreshold)
    {
        long intoZero = 0;
        foreach (var bucket in from)
        {
            if (NativeBounds.UpperBound(bucket.Index, Schema) <= zeroThreshold)
            {
                intoZero += bucket.Count;
            }
            else
            {
                to.Add(NativeBounds.Coarsen(bucket.Index, steps), bucket.Count);
            }
        }

        return intoZero;
    }
}
