using static Pyrometer.Core.Tests.Histograms.NativeSnapshots;

namespace Pyrometer.Core.Tests.Histograms;

public class NativeGateTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Observe_NativeOnlyOneThread_KeepsTheGateThroughAReduction()
    {
        var series = Create(new NativeHistogramOptions { Schema = 1, MaxBucketCount = 4 }).WithLabels();

        foreach (var value in new[] { Math.Sqrt(2), 2, 2 * Math.Sqrt(2), 4, 4 * Math.Sqrt(2), 0, -1 })
        {
            series.Observe(value);
        }

        var snapshot = Snapshot(series);
        Assert.False(series.IsNativeGateRetired);
        Assert.Equal(0, snapshot.Schema);
        Assert.Equal(7, snapshot.Count);
        Assert.Equal(1, snapshot.ZeroCount);
        Assert.Equal([(0, 1L)], Pairs(snapshot.NegativeBuckets));
        Assert.Equal([(1, 2L), (2, 2L), (3, 1L)], Pairs(snapshot.PositiveBuckets));
    }

    [Fact]
    public void Observe_ClassicAndNative_UsesNoGate()
    {
        var series = Create(new NativeHistogramOptions(), buckets: [1]).WithLabels();

        series.Observe(0.5);

        Assert.False(series.IsNativeGateRetired);
        Assert.Equal(1, series.Count);
    }

    [Fact]
    public void RetireGate_AfterObservations_HotAndColdSidesCarryOnFromTheGatedCounts()
    {
        var series = Create(new NativeHistogramOptions { Schema = 0 }).WithLabels();
        series.Observe(1);
        series.Observe(3);
        series.Observe(0);
        series.Observe(-2);

        series.RetireGate();
        var retired = Snapshot(series);
        series.Observe(3);
        Snapshot(series);
        series.Observe(1);

        var snapshot = Snapshot(series);
        Assert.True(series.IsNativeGateRetired);
        Assert.Equal(4, retired.Count);
        Assert.Equal(2, retired.Sum);
        Assert.Equal(6, snapshot.Count);
        Assert.Equal(6, snapshot.Sum);
        Assert.Equal(1, snapshot.ZeroCount);
        Assert.Equal([(1, 1L)], Pairs(snapshot.NegativeBuckets));
        Assert.Equal([(0, 2L), (2, 2L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal([6L], snapshot.CumulativeCounts.ToArray());
    }

    [Fact]
    public void RetireGate_AfterAReductionUnderTheGate_BothSidesKeepTheReducedSchema()
    {
        var series = Create(new NativeHistogramOptions { Schema = 1, MaxBucketCount = 4 }).WithLabels();
        foreach (var value in new[] { Math.Sqrt(2), 2, 2 * Math.Sqrt(2), 4, 4 * Math.Sqrt(2) })
        {
            series.Observe(value);
        }

        series.RetireGate();

        // The reading flips the sides, so the next observation lands on the side the gate never wrote.
        Snapshot(series);
        series.Observe(2);

        var snapshot = Snapshot(series);
        Assert.Equal(0, snapshot.Schema);
        Assert.Equal(6, snapshot.Count);
        Assert.Equal([(1, 3L), (2, 2L), (3, 1L)], Pairs(snapshot.PositiveBuckets));
    }

    [Fact]
    public void Observe_WritersCollidingWhileBucketsReduce_LosesNoObservation()
    {
        // Each writer observes 1..64 over and over: far more buckets than the limit at schema 4, so reductions run
        // while the gate is held or, after the first collision, under the series lock.
        var series = Create(new NativeHistogramOptions { Schema = 4, MaxBucketCount = 8 }).WithLabels();
        const int PerWriter = 100_000;
        var writers = WriterThreads.Start(3, t =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                series.Observe(1 + ((i + t) & 63));
            }
        });

        var snapshot = new HistogramSnapshot();
        var inconsistent = 0;
        while (writers.Running)
        {
            series.CopySnapshot(snapshot);
            long buckets = 0;
            foreach (var bucket in snapshot.PositiveBuckets)
            {
                buckets += bucket.Count;
            }

            inconsistent += buckets + snapshot.ZeroCount == snapshot.Count ? 0 : 1;
        }

        writers.Join();
        series.CopySnapshot(snapshot);
        Assert.Equal(0, inconsistent);
        Assert.Equal(3 * PerWriter, snapshot.Count);
        double expectedSum = 0;
        for (var t = 0; t < 3; t++)
        {
            for (var i = 0; i < PerWriter; i++)
            {
                expectedSum += 1 + ((i + t) & 63);
            }
        }

        Assert.Equal(expectedSum, snapshot.Sum);
        Assert.True(snapshot.PositiveBuckets.Length <= 8);
    }

    private Histogram Create(NativeHistogramOptions native, double[]? buckets = null) =>
        _registry.CreateHistogram("gated_seconds", "Gated test histogram.", new HistogramOptions { Native = native, Buckets = buckets });
}
