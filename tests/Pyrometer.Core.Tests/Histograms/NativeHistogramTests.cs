using Microsoft.Extensions.Time.Testing;
using static Pyrometer.Core.Tests.Histograms.NativeSnapshots;

namespace Pyrometer.Core.Tests.Histograms;

public class NativeHistogramTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Constructor_NativeOnly_OnlyInfClassicBucketAndDefaults()
    {
        var histogram = Create(new NativeHistogramOptions());

        Assert.False(histogram.HasClassicBuckets);
        Assert.True(histogram.HasNativeBuckets);
        Assert.Equal([double.PositiveInfinity], histogram.UpperBounds);
        var snapshot = Snapshot(histogram.WithLabels());
        Assert.True(snapshot.HasNativeBuckets);
        Assert.Equal(NativeHistogramOptions.DefaultSchema, snapshot.Schema);
        Assert.Equal(Math.ScaleB(1.0, -128), snapshot.ZeroThreshold);
        Assert.Equal(0, snapshot.Count);
        Assert.Equal([0L], snapshot.CumulativeCounts.ToArray());
    }

    [Fact]
    public void Constructor_ClassicOnly_NoNativeBuckets()
    {
        var histogram = _registry.CreateHistogram("x_seconds", "X.");
        histogram.Observe(1);

        Assert.True(histogram.HasClassicBuckets);
        Assert.False(histogram.HasNativeBuckets);
        var snapshot = Snapshot(histogram.WithLabels());
        Assert.False(snapshot.HasNativeBuckets);
        Assert.Equal(0, snapshot.PositiveBuckets.Length);
        Assert.Equal(1, snapshot.Count);
    }

    [Fact]
    public void Observe_NegativeZeroPositive_EachInItsBucket()
    {
        var series = Create(new NativeHistogramOptions { Schema = 0, ZeroThreshold = 0.5 }).WithLabels();

        foreach (var value in new[] { 3.0, 4.0, 0.25, 0.0, -0.5, -1.0, -5.0, 0.5000001 })
        {
            series.Observe(value);
        }

        var snapshot = Snapshot(series);
        Assert.Equal(8, snapshot.Count);
        Assert.Equal(3 + 4 + 0.25 - 0.5 - 1 - 5 + 0.5000001, snapshot.Sum, 12);
        Assert.Equal(3, snapshot.ZeroCount);
        Assert.Equal([(0, 1L), (2, 2L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal([(0, 1L), (3, 1L)], Pairs(snapshot.NegativeBuckets));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    public void Observe_InfinitiesAndNaN_InfOnePastTheLargestKeyNaNInNoBucket(int schema)
    {
        var series = Create(new NativeHistogramOptions { Schema = schema }).WithLabels();

        series.Observe(double.MaxValue);
        series.Observe(double.PositiveInfinity);
        series.Observe(double.NegativeInfinity);
        series.Observe(double.NaN);

        var snapshot = Snapshot(series);
        var largest = schema >= 0 ? 1024 << schema : 1024 >> -schema;
        Assert.Equal(4, snapshot.Count);
        Assert.True(double.IsNaN(snapshot.Sum));
        Assert.Equal(0, snapshot.ZeroCount);
        Assert.Equal([(largest, 1L), (largest + 1, 1L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal([(largest + 1, 1L)], Pairs(snapshot.NegativeBuckets));
    }

    [Fact]
    public void Observe_ClassicAndNative_OneConsistentSnapshot()
    {
        var histogram = Create(new NativeHistogramOptions { Schema = 0 }, buckets: [1, 2]);
        var series = histogram.WithLabels();

        foreach (var value in new[] { 0.5, 1.5, 3.0, 3.5 })
        {
            series.Observe(value);
        }

        Assert.True(histogram.HasClassicBuckets);
        var snapshot = Snapshot(series);
        Assert.Equal([1L, 2L, 4L], snapshot.CumulativeCounts.ToArray());
        Assert.Equal([(-1, 1L), (1, 1L), (2, 2L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal(8.5, snapshot.Sum);
    }

    [Fact]
    public void Observe_MoreBucketsThanTheLimit_HalvesResolutionMergingPairs()
    {
        var series = Create(new NativeHistogramOptions { Schema = 1, MaxBucketCount = 4 }).WithLabels();

        // Schema 1: the bound of bucket k is 2^(k/2), so each of these values is exactly on bucket 1..5's upper bound.
        foreach (var value in new[] { Math.Sqrt(2), 2, 2 * Math.Sqrt(2), 4 })
        {
            series.Observe(value);
        }

        Assert.Equal(1, Snapshot(series).Schema);
        series.Observe(4 * Math.Sqrt(2));

        var snapshot = Snapshot(series);
        Assert.Equal(0, snapshot.Schema);
        Assert.Equal([(1, 2L), (2, 2L), (3, 1L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal(5, snapshot.Count);
    }

    [Fact]
    public void Observe_MoreBucketsWithRoomToWidenZeroBucket_ZeroBucketSwallowsTheLowest()
    {
        var options = new NativeHistogramOptions { Schema = 0, ZeroThreshold = 0, MaxZeroThreshold = 1, MaxBucketCount = 2 };
        var series = Create(options).WithLabels();

        series.Observe(0.3);
        series.Observe(-0.7);
        series.Observe(3);

        var snapshot = Snapshot(series);
        Assert.Equal(0, snapshot.Schema);
        Assert.Equal(0.5, snapshot.ZeroThreshold);
        Assert.Equal(1, snapshot.ZeroCount);
        Assert.Equal([(2, 1L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal([(0, 1L)], Pairs(snapshot.NegativeBuckets));

        // New observations within the wider threshold go in the zero bucket.
        series.Observe(-0.4);
        Assert.Equal(2, Snapshot(series).ZeroCount);
    }

    [Fact]
    public void Observe_OverTheLimitAfterMinResetDuration_ResetsKeepingOnlyTheLatest()
    {
        var series = TwoBucketsThenWait(TimeSpan.FromMinutes(10));

        series.Observe(9);

        var snapshot = Snapshot(series);
        Assert.Equal(1, snapshot.Count);
        Assert.Equal(9, snapshot.Sum);
        Assert.Equal(0, snapshot.Schema);
        Assert.Equal([(4, 1L)], Pairs(snapshot.PositiveBuckets));
        Assert.Equal([1L], snapshot.CumulativeCounts.ToArray());
    }

    [Fact]
    public void Observe_OverTheLimitAfterMinResetDuration_MovesCreatedToTheReset()
    {
        var series = TwoBucketsThenWait(TimeSpan.FromMinutes(10));
        var created = series.Created;

        series.Observe(9);

        Assert.Equal(Start, created);
        Assert.Equal(Start + TimeSpan.FromMinutes(10), series.Created);
    }

    [Fact]
    public void Observe_OverTheLimitBeforeMinResetDuration_LowersResolutionInstead()
    {
        var series = TwoBucketsThenWait(TimeSpan.FromMinutes(9));

        series.Observe(9);

        var snapshot = Snapshot(series);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(-1, snapshot.Schema);
        Assert.Equal([(0, 1L), (1, 1L), (2, 1L)], Pairs(snapshot.PositiveBuckets));
    }

    [Theory]
    [InlineData(1.1, 3)]
    [InlineData(2.0, 0)]
    public void Constructor_BucketFactor_PicksSchema(double factor, int schema)
    {
        var series = Create(new NativeHistogramOptions { BucketFactor = factor }).WithLabels();

        Assert.Equal(schema, Snapshot(series).Schema);
    }

    [Theory]
    [InlineData(9, null, 0.0, null, 160, 0, "Schema 9")]
    [InlineData(-5, null, 0.0, null, 160, 0, "Schema -5")]
    [InlineData(3, 1.1, 0.0, null, 160, 0, "both Schema and BucketFactor")]
    [InlineData(null, 1.0, 0.0, null, 160, 0, "BucketFactor 1")]
    [InlineData(null, double.NaN, 0.0, null, 160, 0, "BucketFactor NaN")]
    [InlineData(null, double.PositiveInfinity, 0.0, null, 160, 0, "BucketFactor")]
    [InlineData(null, null, -1.0, null, 160, 0, "ZeroThreshold -1")]
    [InlineData(null, null, double.NaN, null, 160, 0, "ZeroThreshold NaN")]
    [InlineData(null, null, double.PositiveInfinity, null, 160, 0, "ZeroThreshold")]
    [InlineData(null, null, 0.5, 0.25, 160, 0, "MaxZeroThreshold 0.25")]
    [InlineData(null, null, 0.0, double.PositiveInfinity, 160, 0, "MaxZeroThreshold")]
    [InlineData(null, null, 0.0, null, -1, 0, "MaxBucketCount -1")]
    [InlineData(null, null, 0.0, null, 160, -1, "MinResetDuration")]
    public void Constructor_InvalidNativeOption_ThrowsNamingOptionAndHistogram(
        int? schema, double? factor, double zeroThreshold, double? maxZeroThreshold, int maxBuckets, int resetSeconds, string expected)
    {
        var options = new NativeHistogramOptions
        {
            Schema = schema,
            BucketFactor = factor,
            ZeroThreshold = zeroThreshold,
            MaxZeroThreshold = maxZeroThreshold,
            MaxBucketCount = maxBuckets,
            MinResetDuration = TimeSpan.FromSeconds(resetSeconds),
        };

        var ex = Assert.Throws<ArgumentException>(() => Create(options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains(expected, ex.Message);
        Assert.Contains("'native_seconds'", ex.Message);
        Assert.False(_registry.TryGet("native_seconds", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CopySnapshot_WhileWritersObserve_CountAlwaysMatchesBucketsAndSum(bool classicToo)
    {
        // Only 1 and 0 are observed, so a consistent snapshot has sum == the positive bucket's count exactly.
        var series = Create(new NativeHistogramOptions { Schema = 3 }, buckets: classicToo ? [0.5] : null).WithLabels();
        // Writers go on past 200 000 until the reader has taken 20 snapshots, so the two overlap however the
        // threads are scheduled; each writer reports how many it observed.
        var snapshots = 0;
        var observed = new long[3];
        var writers = WriterThreads.Start(3, t =>
        {
            var i = 0;
            for (; i < 200_000 || Volatile.Read(ref snapshots) < 20; i++)
            {
                series.Observe((i + t) % 2);
            }

            observed[t] = i;
        });

        var snapshot = new HistogramSnapshot();
        var inconsistent = 0;
        do
        {
            series.CopySnapshot(snapshot);
            long positive = 0;
            foreach (var bucket in snapshot.PositiveBuckets)
            {
                positive += bucket.Count;
            }

            var consistent = snapshot.ZeroCount + positive == snapshot.Count && snapshot.Sum == positive &&
                snapshot.CumulativeCounts[^1] == snapshot.Count && (!classicToo || snapshot.CumulativeCounts[0] == snapshot.ZeroCount);
            inconsistent += consistent ? 0 : 1;
            Interlocked.Increment(ref snapshots);
        }
        while (writers.Running);

        writers.Join();
        Assert.True(snapshots >= 20);
        Assert.Equal(0, inconsistent);
        series.CopySnapshot(snapshot);
        Assert.Equal(observed.Sum(), snapshot.Count);
        Assert.Equal(observed.Select((n, t) => t % 2 == 0 ? n / 2 : (n + 1) / 2).Sum(), snapshot.Sum);
    }

    [Fact]
    public void Observe_ClassicAndNative_AllocatesNothing()
    {
        var classic = _registry.CreateHistogram("classic_seconds", "Classic.").WithLabels();
        var native = Create(new NativeHistogramOptions(), buckets: [1, 2]).WithLabels();
        double[] values = [0.001, 0.5, 1.5, 3, -2, 0, 1e9, double.NaN];
        var snapshot = new HistogramSnapshot();
        foreach (var value in values)
        {
            classic.Observe(value);
            native.Observe(value);
        }

        native.CopySnapshot(snapshot);
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                var value = values[i % values.Length];
                classic.Observe(value);
                native.Observe(value);
            }

            native.CopySnapshot(snapshot);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    /// <summary>A series allowed 2 buckets that may reset after 10 minutes, holding 1 and 3, after <paramref name="wait"/>.</summary>
    private HistogramSeries TwoBucketsThenWait(TimeSpan wait)
    {
        var time = new FakeTimeProvider(Start);
        var options = new NativeHistogramOptions { Schema = 0, MaxBucketCount = 2, MinResetDuration = TimeSpan.FromMinutes(10) };
        var series = Create(options, time: time).WithLabels();
        series.Observe(1);
        series.Observe(3);
        time.Advance(wait);
        return series;
    }

    private Histogram Create(NativeHistogramOptions native, double[]? buckets = null, TimeProvider? time = null) =>
        _registry.CreateHistogram("native_seconds", "Native test histogram.", new HistogramOptions { Native = native, Buckets = buckets, TimeProvider = time });
}
