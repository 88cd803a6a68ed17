using Pyrometer.Internal;

namespace Pyrometer;

/// <summary>
/// A consistent reading of a <see cref="HistogramSeries"/>, filled by <see cref="HistogramSeries.CopySnapshot"/>:
/// the count equals the last cumulative classic bucket and the zero bucket plus every native bucket (NaN
/// observations aside, which count but sit in no native bucket), and the sum covers exactly the counted
/// observations. Reuse one instance across series and scrapes: it grows its buffers when needed and otherwise
/// allocates nothing. Not safe for use by several threads at once.
/// </summary>
public sealed class HistogramSnapshot
{
    private long[] _cumulative = [];
    private int _classicCount;
    private NativeBucket[] _positive = [];
    private NativeBucket[] _negative = [];
    private NativeBucket[] _scratch = [];
    private int _positiveCount;
    private int _negativeCount;

    /// <summary>Gets the number of observations.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the sum of the observations.</summary>
    public double Sum { get; private set; }

    /// <summary>Gets the cumulative classic bucket counts, one per <see cref="Histogram.UpperBounds"/> entry, the last (+Inf) equal to <see cref="Count"/>.</summary>
    public ReadOnlySpan<long> CumulativeCounts => _cumulative.AsSpan(0, _classicCount);

    /// <summary>Gets whether the histogram keeps native buckets; when false the native members below are empty.</summary>
    public bool HasNativeBuckets { get; private set; }

    /// <summary>Gets the schema the native buckets were counted in (it drops when the series lowers its resolution).</summary>
    public int Schema { get; private set; }

    /// <summary>Gets the zero threshold: observations whose magnitude is at most this are in <see cref="ZeroCount"/>.</summary>
    public double ZeroThreshold { get; private set; }

    /// <summary>Gets the number of observations in the zero bucket.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>Gets the non-empty native buckets of positive observations, in increasing index order.</summary>
    public ReadOnlySpan<NativeBucket> PositiveBuckets => _positive.AsSpan(0, _positiveCount);

    /// <summary>Gets the non-empty native buckets of negative observations (by magnitude), in increasing index order.</summary>
    public ReadOnlySpan<NativeBucket> NegativeBuckets => _negative.AsSpan(0, _negativeCount);

    /// <summary>Gets room for <paramref name="buckets"/> classic counts, cleared of the previous series' values.</summary>
    internal Span<long> ClassicBuffer(int buckets)
    {
        if (_cumulative.Length < buckets)
        {
            _cumulative = new long[buckets];
        }

        _classicCount = buckets;
        return _cumulative.AsSpan(0, buckets);
    }

    internal void SetTotals(long count, double sum)
    {
        Count = count;
        Sum = sum;
    }

    internal void ClearNative()
    {
        HasNativeBuckets = false;
        Schema = 0;
        ZeroThreshold = 0;
        ZeroCount = 0;
        _positiveCount = 0;
        _negativeCount = 0;
    }

    /// <summary>Starts the native part with the counts of one side.</summary>
    internal void BeginNative(NativeCounts side)
    {
        HasNativeBuckets = true;
        Schema = side.Schema;
        ZeroThreshold = side.ZeroThreshold;
        ZeroCount = side.ZeroCount;
        _positiveCount = Merge(ref _positive, 0, side.Positive);
        _negativeCount = Merge(ref _negative, 0, side.Negative);
    }

    /// <summary>Adds the counts of the other side, in the same layout.</summary>
    internal void AddNative(NativeCounts side)
    {
        ZeroCount += side.ZeroCount;
        _positiveCount = Merge(ref _positive, _positiveCount, side.Positive);
        _negativeCount = Merge(ref _negative, _negativeCount, side.Negative);
    }

    /// <summary>Merges the first <paramref name="length"/> buckets of <paramref name="target"/> with <paramref name="side"/>'s, by index.</summary>
    private int Merge(ref NativeBucket[] target, int length, SparseBuckets side)
    {
        (_scratch, target) = (target, _scratch);
        var existing = _scratch;
        var written = 0;
        var next = 0;
        foreach (var bucket in side)
        {
            while (next < length && existing[next].Index < bucket.Index)
            {
                Append(ref target, ref written, existing[next++]);
            }

            if (next < length && existing[next].Index == bucket.Index)
            {
                Append(ref target, ref written, new NativeBucket(bucket.Index, bucket.Count + existing[next++].Count));
            }
            else
            {
                Append(ref target, ref written, bucket);
            }
        }

        while (next < length)
        {
            Append(ref target, ref written, existing[next++]);
        }

        return written;
    }

    private static void Append(ref NativeBucket[] target, ref int written, NativeBucket bucket)
    {
        if (written == target.Length)
        {
            Array.Resize(ref target, Math.Max(16, target.Length * 2));
        }

        target[written++] = bucket;
    }
}
