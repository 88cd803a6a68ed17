namespace Pyrometer.Core.Tests;

public partial class CollectorTests
{
    [Fact]
    public void WithLabels_BeyondCardinalityLimit_RecordsIntoOneOverflowSeries()
    {
        var counter = _registry.CreateCounter("limited_total", "Limited.", new CounterOptions { LabelNames = ["id"], CardinalityLimit = 2 });

        counter.WithLabels("a").Inc();
        counter.WithLabels("b").Add(2);
        counter.WithLabels("c").Add(3);
        counter.WithLabels("d").Add(4);
        counter.WithLabels("c").Inc();

        Assert.Equal(3, counter.SeriesCount);
        var series = counter.Series.ToArray();
        Assert.Equal(["a", "b"], series.Take(2).Select(s => s.LabelValues[0]));
        var overflow = series[2];
        Assert.Equal([Collector.OverflowLabelName], overflow.LabelNames);
        Assert.Equal(["true"], overflow.LabelValues);
        Assert.Equal(8, overflow.Value);
        Assert.Equal(1, counter.WithLabels("a").Value);
        Assert.Equal(2, counter.WithLabels("b").Value);
    }

    [Fact]
    public void WithLabels_BeyondCardinalityLimit_HandlesPointAtTheOverflowSeries()
    {
        var gauge = _registry.CreateGauge("limited", "Limited.", new GaugeOptions { LabelNames = ["id"], CardinalityLimit = 1 });
        var kept = gauge.WithLabels("a");

        var c = gauge.WithLabels("c");
        var d = gauge.WithLabels("d");
        c.Inc();
        d.Add(2);

        Assert.NotSame(kept, c);
        Assert.Same(c, d);
        Assert.Equal("true", c.LabelValues[0]);
        Assert.Equal(3, c.Value);
        Assert.Equal(0, kept.Value);
    }

    [Fact]
    public void WithLabels_FreeFormBeyondCardinalityLimit_OverflowCountsExact()
    {
        var histogram = _registry.CreateHistogram("limited_seconds", "Limited.", new HistogramOptions { CardinalityLimit = 3, Buckets = [1, 2] });

        for (var i = 0; i < 10; i++)
        {
            histogram.WithLabels(new Labels { ["user"] = i.ToString() }).Observe(i % 3);
        }

        var overflow = histogram.Series.Single(s => s.LabelNames.SequenceEqual([Collector.OverflowLabelName]));
        Assert.Equal(4, histogram.SeriesCount);
        Assert.Equal(7, overflow.Count);
        Assert.Equal(0 + 1 + 2 + 0 + 1 + 2 + 0, overflow.Sum);
    }

    [Fact]
    public void WithLabels_LimitReachedManyTimes_ReportsOncePerCollector()
    {
        var reported = new List<Collector>();
        var registry = new MetricRegistry(new MetricRegistryOptions { CardinalityLimitReached = reported.Add });
        var first = registry.CreateCounter("first_total", "First.", new CounterOptions { LabelNames = ["id"], CardinalityLimit = 1 });
        var second = registry.CreateCounter("second_total", "Second.", new CounterOptions { LabelNames = ["id"], CardinalityLimit = 1 });

        foreach (var id in new[] { "a", "b", "c", "b" })
        {
            first.WithLabels(id).Inc();
        }

        Assert.Equal([first], reported);
        second.WithLabels("a").Inc();
        Assert.Equal([first], reported);
        second.WithLabels("b").Inc();
        Assert.Equal([first, second], reported);
    }

    [Fact]
    public void WithLabels_SeriesRemovedAtTheLimit_NewLabelSetGetsItsOwnSeries()
    {
        var counter = _registry.CreateCounter("limited_total", "Limited.", new CounterOptions { LabelNames = ["id"], CardinalityLimit = 2 });
        counter.WithLabels("a").Inc();
        counter.WithLabels("b").Inc();
        counter.WithLabels("c").Inc();

        Assert.True(counter.RemoveLabels("a"));
        var e = counter.WithLabels("e");
        e.Inc();

        Assert.Equal(["e"], e.LabelValues);
        Assert.Equal(["b", "true", "e"], counter.Series.Select(s => s.LabelValues[0]));
        Assert.Equal("true", counter.WithLabels("f").LabelValues[0]);
    }

    [Fact]
    public void WithLabels_ConcurrentNewLabelSetsBeyondLimit_EveryIncrementCountedOnce()
    {
        const int Threads = 4;
        const int PerThread = 2_000;
        var counter = _registry.CreateCounter("limited_total", "Limited.", new CounterOptions { LabelNames = ["id"], CardinalityLimit = 50 });

        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                counter.WithLabels((i % 300).ToString()).Inc();
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.Equal(51, counter.SeriesCount);
        Assert.Equal(Threads * PerThread, counter.Series.Sum(s => s.Value));
        Assert.Single(counter.Series, s => s.LabelValues[0] == "true");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveCardinalityLimit_ThrowsNamingOptionAndMetric(int limit)
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter("limited_total", "Limited.", new CounterOptions { CardinalityLimit = limit }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains($"CardinalityLimit {limit}", ex.Message);
        Assert.Contains("'limited_total'", ex.Message);
    }

    [Fact]
    public void Constructor_OverflowLabelDeclaredWithLimit_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            _registry.CreateCounter("limited_total", "Limited.", new CounterOptions { LabelNames = [Collector.OverflowLabelName], CardinalityLimit = 5 }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("'otel_metric_overflow' is reserved", ex.Message);
    }
}
