using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public partial class HistogramTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

    [Fact]
    public void GetExemplar_NoneRecorded_NullForEveryBucket()
    {
        var series = Create(1, 2).WithLabels();
        series.Observe(1.5);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Null(series.GetExemplar(i)));
    }

    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(1.0, 0)]
    [InlineData(1.0000001, 1)]
    [InlineData(5.0, 2)]
    [InlineData(5.01, 3)]
    [InlineData(double.PositiveInfinity, 3)]
    public void ObserveWithExemplar_Value_ExemplarLandsInTheBucketTheValueFallsIn(double value, int bucket)
    {
        var series = Create(1, 2, 5).WithLabels();

        series.Observe(value, Exemplar.From("trace_id", "abc"));

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(i == bucket ? value : null, series.GetExemplar(i)?.Value);
        }

        // The observation was counted in the same bucket.
        var cumulative = new long[4];
        Assert.Equal(1, series.CopyCumulativeCounts(cumulative, out var sum));
        Assert.Equal(value, sum);
        Assert.Equal(1, cumulative[bucket] - (bucket == 0 ? 0 : cumulative[bucket - 1]));
    }

    [Fact]
    public void ObserveWithExemplar_SeveralValues_EachBucketKeepsItsLatestWithValueAndTime()
    {
        var time = new FakeTimeProvider(Start);
        var histogram = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time })
            .CreateHistogram("latency_seconds", "Latency.", new HistogramOptions { Buckets = [1, 2, 5], LabelNames = ["route"] });
        var series = histogram.WithLabels("/");

        series.Observe(0.5, Exemplar.From("trace_id", "a"));
        time.Advance(TimeSpan.FromSeconds(1));
        series.Observe(3, Exemplar.From("trace_id", "b"));
        time.Advance(TimeSpan.FromSeconds(1));
        series.Observe(0.25, Exemplar.From("trace_id", "c"));
        time.Advance(TimeSpan.FromSeconds(1));
        series.Observe(0.75);

        var first = series.GetExemplar(0)!;
        Assert.Equal([new("trace_id", "c")], first.Labels);
        Assert.Equal(0.25, first.Value);
        Assert.Equal(Start.AddSeconds(2), first.Timestamp);
        Assert.Null(series.GetExemplar(1));
        var third = series.GetExemplar(2)!;
        Assert.Equal("b", third.Labels[0].Value);
        Assert.Equal(3, third.Value);
        Assert.Equal(Start.AddSeconds(1), third.Timestamp);
        Assert.Null(series.GetExemplar(3));
        Assert.Equal(4, series.Count);
        Assert.Equal(4.5, series.Sum);
    }

    [Fact]
    public void ObserveWithExemplar_Unlabelled_RecordsOnTheUnlabelledSeries()
    {
        var histogram = Create(1, 2);

        histogram.Observe(1.5, Exemplar.From("trace_id", "abc"));

        var series = Assert.Single(histogram.Series.ToArray());
        Assert.Equal(1, series.Count);
        Assert.Equal("abc", series.GetExemplar(1)!.Labels[0].Value);
    }

    [Fact]
    public void ObserveWithExemplar_UnlabelledOnLabelledHistogram_Throws()
    {
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.", "route");

        Assert.Throws<InvalidOperationException>(() => histogram.Observe(1, Exemplar.From("trace_id", "abc")));
    }

    [Fact]
    public void ObserveWithExemplar_NaN_CountedAndKeptInInfBucket()
    {
        var series = Create(1, 2).WithLabels();

        series.Observe(double.NaN, Exemplar.From("trace_id", "abc"));

        Assert.Equal(1, series.Count);
        Assert.True(double.IsNaN(series.Sum));
        Assert.Null(series.GetExemplar(0));
        Assert.Null(series.GetExemplar(1));
        Assert.True(double.IsNaN(series.GetExemplar(2)!.Value));
    }

    [Fact]
    public void ObserveWithExemplar_Null_ThrowsAndRecordsNothing()
    {
        var series = Create(1, 2).WithLabels();

        Assert.Throws<ArgumentNullException>(() => series.Observe(1, null!));
        Assert.Equal(0, series.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void GetExemplar_IndexOutsideBuckets_Throws(int index)
    {
        var series = Create(1, 2).WithLabels();
        series.Observe(1, Exemplar.From("trace_id", "abc"));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => series.GetExemplar(index));

        Assert.Equal("bucketIndex", ex.ParamName);
    }

    [Fact]
    public void ObserveWithExemplar_ManyThreads_CountsExactAndExemplarsNeverTorn()
    {
        const int threads = 4;
        const int observationsPerThread = 20_000;
        var series = Create(1.5, 2.5, 3.5, 4.5).WithLabels();
        var exemplars = Enumerable.Range(1, threads).Select(t => Exemplar.From("value", t.ToString())).ToArray();
        var writers = WriterThreads.Start(threads, t =>
        {
            for (var i = 0; i < observationsPerThread; i++)
            {
                series.Observe(t + 1, exemplars[t]);
            }
        });

        var reads = 0;
        while (writers.Running || reads == 0)
        {
            // Thread t observes t + 1 with label value "t + 1", which lands in bucket t: any mix-up shows.
            for (var bucket = 0; bucket < threads; bucket++)
            {
                if (series.GetExemplar(bucket) is { } recorded)
                {
                    Assert.Equal(bucket + 1, recorded.Value);
                    Assert.Equal(recorded.Value.ToString(), recorded.Labels[0].Value);
                    reads++;
                }
            }
        }

        writers.Join();
        Assert.Equal(threads * observationsPerThread, series.Count);
        Assert.Equal(observationsPerThread * Enumerable.Range(1, threads).Sum(), series.Sum);
        Assert.All(Enumerable.Range(0, threads), bucket => Assert.NotNull(series.GetExemplar(bucket)));
    }
}
