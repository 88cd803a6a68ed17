using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Tests;

public sealed class MeterBridgeAllocationTests
{
    private static readonly KeyValuePair<string, object?> Tag1 = new("k1", "a");
    private static readonly KeyValuePair<string, object?> Tag2 = new("k2", "b");

    [Fact]
    public void Record_KnownTwoTagSet_AllocatesNothing()
    {
        using var meter = new Meter("Pyrometer.Tests.Allocations." + Guid.NewGuid().ToString("N"));
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o => o.Meters.Add(meter.Name));
        var counter = meter.CreateCounter<long>("calls");
        var histogram = meter.CreateHistogram<double>("latency", "s");
        var upDown = meter.CreateUpDownCounter<int>("queue");
        counter.Add(1, Tag1, Tag2);
        histogram.Record(0.1, Tag1, Tag2);
        upDown.Add(1, Tag1, Tag2);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counter.Add(1, Tag1, Tag2);
            histogram.Record(0.1, Tag1, Tag2);
            upDown.Add(1, Tag1, Tag2);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1001, ((Counter)registry.Collectors.Single(c => c.Name == "calls_total")).Series.Single().Value);
    }

    [Fact]
    public async Task Record_TagsBeyondCardinalityLimit_GoToTheOverflowSeriesWithExactCounts()
    {
        using var meter = new Meter("Pyrometer.Tests.Allocations." + Guid.NewGuid().ToString("N"));
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o =>
        {
            o.Meters.Add(meter.Name);
            o.CardinalityLimit = 2;
        });
        var counter = meter.CreateCounter<long>("spread");

        for (var i = 0; i < 5; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
            counter.Add(2, new KeyValuePair<string, object?>("id", i));
        }

        counter.Add(10, new KeyValuePair<string, object?>("id", 0));
        var samples = await Exposition.SamplesAsync(registry, "spread_total");
        Assert.Equal(["spread_total{id=\"0\"} 13", "spread_total{id=\"1\"} 3", "spread_total{otel_metric_overflow=\"true\"} 9"], samples);
    }
}
