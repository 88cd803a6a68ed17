namespace Pyrometer.Core.Tests.Histograms;

/// <summary>Readings of native histogram series for tests.</summary>
internal static class NativeSnapshots
{
    /// <summary>Gets the buckets as (index, count) pairs, which xunit compares and prints.</summary>
    public static (int, long)[] Pairs(ReadOnlySpan<NativeBucket> buckets)
    {
        var pairs = new (int, long)[buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            pairs[i] = (buckets[i].Index, buckets[i].Count);
        }

        return pairs;
    }

    /// <summary>Takes a fresh snapshot of the series.</summary>
    public static HistogramSnapshot Snapshot(HistogramSeries series)
    {
        var snapshot = new HistogramSnapshot();
        series.CopySnapshot(snapshot);
        return snapshot;
    }
}
