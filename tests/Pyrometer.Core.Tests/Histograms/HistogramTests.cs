namespace Pyrometer.Core.Tests;

public partial class HistogramTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void UpperBounds_Default_AreDefaultBucketsThenInfinity()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.");

        Assert.Equal([.005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity], histogram.UpperBounds);
    }

    [Fact]
    public void UpperBounds_Custom_InfinityAppended()
    {
        var histogram = Create(1, 2, 5);

        Assert.Equal([1, 2, 5, double.PositiveInfinity], histogram.UpperBounds);
    }

    [Fact]
    public void UpperBounds_CustomEndingWithInfinity_NotAppendedTwice()
    {
        var histogram = Create(1, 2, double.PositiveInfinity);

        Assert.Equal([1, 2, double.PositiveInfinity], histogram.UpperBounds);
    }

    [Fact]
    public void UpperBounds_Empty_OnlyInfinity()
    {
        var histogram = Create();

        Assert.Equal([double.PositiveInfinity], histogram.UpperBounds);
    }

    [Fact]
    public void UpperBounds_NegativeBounds_Kept()
    {
        var histogram = Create(-10, -1, 0, 1);

        Assert.Equal([-10, -1, 0, 1, double.PositiveInfinity], histogram.UpperBounds);
    }

    [Theory]
    [InlineData(new[] { 1.0, 1.0 })]
    [InlineData(new[] { 2.0, 1.0 })]
    [InlineData(new[] { 1.0, 5.0, 3.0 })]
    [InlineData(new[] { double.PositiveInfinity, 1.0 })]
    public void Constructor_BucketsNotStrictlyIncreasing_ThrowsNamingHistogram(double[] buckets)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(buckets));

        Assert.Contains("'sample_seconds'", ex.Message);
        Assert.Contains("strictly increasing", ex.Message);
    }

    [Theory]
    [InlineData(new[] { double.NaN })]
    [InlineData(new[] { 1.0, double.NaN, 3.0 })]
    public void Constructor_NaNBucket_Throws(double[] buckets)
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(buckets));

        Assert.Contains("NaN", ex.Message);
    }

    [Fact]
    public void Constructor_InvalidBuckets_NothingRegistered()
    {
        Assert.Throws<ArgumentException>(() => Create(3, 2));

        Assert.False(_registry.TryGet("sample_seconds", out _));
    }

    [Fact]
    public void Constructor_LeDeclaredLabel_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateHistogram("latency_seconds", "Latency.", "route", "le"));

        Assert.Contains("'le'", ex.Message);
        Assert.Contains("latency_seconds", ex.Message);
    }

    [Fact]
    public void Constructor_LeConstLabel_Throws()
    {
        var options = new HistogramOptions { ConstLabels = new Dictionary<string, string> { ["le"] = "1" } };

        Assert.Throws<ArgumentException>(() => _registry.CreateHistogram("latency_seconds", "Latency.", options));
    }

    [Fact]
    public void Observe_LeFreeFormLabel_Throws()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.");

        var ex = Assert.Throws<ArgumentException>(() => histogram.Observe(new Labels { ["le"] = "1" }, 1));

        Assert.Contains("'le'", ex.Message);
        Assert.Equal(0, histogram.SeriesCount);
    }

    [Fact]
    public void Constructor_QuantileLabel_Allowed()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.", "quantile");

        Assert.Equal(["quantile"], histogram.LabelNames);
    }

    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(0.5, 0)]
    [InlineData(1.0, 0)]
    [InlineData(1.0000001, 1)]
    [InlineData(2.0, 1)]
    [InlineData(4.99, 2)]
    [InlineData(5.0, 2)]
    [InlineData(5.01, 3)]
    [InlineData(double.MaxValue, 3)]
    [InlineData(double.PositiveInfinity, 3)]
    [InlineData(double.NegativeInfinity, 0)]
    public void Observe_Value_LandsInFirstBucketWhoseBoundIsNotBelowIt(double value, int bucket)
    {
        var histogram = Create(1, 2, 5);

        histogram.Observe(value);

        var cumulative = new long[4];
        var count = histogram.WithLabels().CopyCumulativeCounts(cumulative, out var sum);
        var expected = new long[4];
        for (var i = bucket; i < expected.Length; i++)
        {
            expected[i] = 1;
        }

        Assert.Equal(expected, cumulative);
        Assert.Equal(1, count);
        Assert.Equal(value, sum);
    }

    [Fact]
    public void Observe_SeveralValues_CumulativeCountsSumAndCount()
    {
        var histogram = Create(1, 2, 5);

        foreach (var value in new[] { 0.5, 1, 1.5, 2, 3, 7, 100 })
        {
            histogram.Observe(value);
        }

        var series = histogram.WithLabels();
        var cumulative = new long[4];
        var count = series.CopyCumulativeCounts(cumulative, out var sum);
        Assert.Equal([2, 4, 5, 7], cumulative);
        Assert.Equal(7, count);
        Assert.Equal(115, sum);
        Assert.Equal(7, series.Count);
        Assert.Equal(115, series.Sum);
    }

    [Fact]
    public void Observe_NaN_CountedInInfBucketAndSumIsNaN()
    {
        var histogram = Create(1, 2);
        histogram.Observe(1);

        histogram.Observe(double.NaN);

        var cumulative = new long[3];
        var count = histogram.WithLabels().CopyCumulativeCounts(cumulative, out var sum);
        Assert.Equal([1, 1, 2], cumulative);
        Assert.Equal(2, count);
        Assert.True(double.IsNaN(sum));
    }

    [Fact]
    public void Observe_LabelsStyle_AddressesDeclaredSeries()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.", "route");

        histogram.Observe(new Labels { ["route"] = "/a" }, 0.2);

        Assert.Equal(1, histogram.WithLabels("/a").Count);
        Assert.Equal(0.2, histogram.WithLabels("/a").Sum);
    }

    [Fact]
    public void CopyCumulativeCounts_DestinationTooShort_Throws()
    {
        var series = Create(1, 2, 5).WithLabels();

        Assert.Throws<ArgumentException>(() => series.CopyCumulativeCounts(new long[3], out _));
    }

    [Fact]
    public void CopyCumulativeCounts_DestinationLonger_FillsOnlyBucketCount()
    {
        var series = Create(1).WithLabels();
        series.Observe(0);
        var destination = new long[] { -1, -1, -1 };

        series.CopyCumulativeCounts(destination, out _);

        Assert.Equal([1, 1, -1], destination);
    }

    [Fact]
    public void CopyCumulativeCounts_WhileWritersObserve_EverySnapshotConsistent()
    {
        var histogram = Create(Buckets.Linear(0.1, 0.1, 9));
        var series = histogram.WithLabels();
        const int Writers = 3;
        const int ObservationsPerWriter = 200_000;
        var writers = WriterThreads.Start(Writers, t =>
        {
            var random = new Random(t);
            for (var i = 0; i < ObservationsPerWriter; i++)
            {
                series.Observe(random.NextDouble() * 1.2);
            }
        });

        var buckets = histogram.UpperBounds.Count;
        var previous = new long[buckets];
        var current = new long[buckets];
        var snapshots = 0;
        do
        {
            var count = series.CopyCumulativeCounts(current, out var sum);
            Assert.Equal(count, current[^1]);
            Assert.True(sum >= 0);
            for (var i = 0; i < buckets; i++)
            {
                if (i > 0)
                {
                    Assert.True(current[i] >= current[i - 1], $"Bucket {i} ({current[i]}) is below bucket {i - 1} ({current[i - 1]}).");
                }

                Assert.True(current[i] >= previous[i], $"Bucket {i} went down from {previous[i]} to {current[i]}.");
            }

            (previous, current) = (current, previous);
            snapshots++;
        }
        while (writers.Running);

        writers.Join();
        Assert.True(snapshots > 1);
        Assert.Equal(Writers * ObservationsPerWriter, series.CopyCumulativeCounts(current, out _));
        Assert.Equal(Writers * ObservationsPerWriter, series.Count);
    }

    [Fact]
    public void CopyCumulativeCounts_WhileWritersObserveOnes_SumAlwaysEqualsCount()
    {
        // Every observation is 1, so a consistent snapshot has sum == count exactly.
        var series = Create(0.5, 2).WithLabels();
        var writers = WriterThreads.Start(3, _ =>
        {
            for (var i = 0; i < 300_000; i++)
            {
                series.Observe(1);
            }
        });

        var cumulative = new long[3];
        var inconsistent = 0;
        var snapshots = 0;
        do
        {
            var count = series.CopyCumulativeCounts(cumulative, out var sum);
            inconsistent += sum == count && cumulative[2] == count && cumulative[0] == 0 ? 0 : 1;
            snapshots++;
        }
        while (writers.Running);

        writers.Join();
        Assert.True(snapshots > 1);
        Assert.Equal(0, inconsistent);
        Assert.Equal(900_000, series.Count);
        Assert.Equal(900_000, series.Sum);
    }

    [Fact]
    public void Observe_ManyThreads_CountsAndSumExact()
    {
        var histogram = Create(1, 2, 3);

        WriterThreads.Run(4, t =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                histogram.Observe(t);
            }
        });

        var cumulative = new long[4];
        var count = histogram.WithLabels().CopyCumulativeCounts(cumulative, out var sum);
        Assert.Equal([200_000, 300_000, 400_000, 400_000], cumulative);
        Assert.Equal(400_000, count);
        Assert.Equal(600_000, sum);
    }

    [Fact]
    public void Observe_Striped_SnapshotsStayConsistentAndExact()
    {
        var series = Create(0.5, 2).WithLabels();
        series.Observe(1);
        series.Stripe();
        var writers = WriterThreads.Start(4, _ =>
        {
            for (var i = 0; i < 250_000; i++)
            {
                series.Observe(1);
            }
        });

        var cumulative = new long[3];
        var inconsistent = 0;
        do
        {
            var count = series.CopyCumulativeCounts(cumulative, out var sum);
            inconsistent += sum == count && cumulative[2] == count && cumulative[1] == count && cumulative[0] == 0 ? 0 : 1;
        }
        while (writers.Running);

        writers.Join();
        Assert.Equal(0, inconsistent);
        Assert.True(series.IsStriped || Environment.ProcessorCount == 1);
        Assert.Equal(1_000_001, series.Count);
        Assert.Equal(1_000_001, series.Sum);
    }

    private Histogram Create(params double[] buckets) =>
        _registry.CreateHistogram("sample_seconds", "Test histogram.", new HistogramOptions { Buckets = buckets });
}
