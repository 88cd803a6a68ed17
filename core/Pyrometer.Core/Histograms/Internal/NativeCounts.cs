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
    public bool Observe(double value, out int key)
    {
        if (value > ZeroThreshold)
        {
            key = NativeBounds.KeyOf(value, Schema);
            return Positive.Increment(key);
        }

        if (value < -ZeroThreshold)
        {
            key = NativeBounds.KeyOf(-value, Schema);
            return Negative.Increment(key);
        }

        key = 0;
        Interlocked.Increment(ref double.IsNaN(value) ? ref _nanCount : ref _zeroCount);
        return false;
    }

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
