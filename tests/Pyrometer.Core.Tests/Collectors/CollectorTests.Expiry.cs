using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public partial class CollectorTests
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public async Task CollectAsync_SeriesIdleForExpiry_StopsBeingExposed()
    {
        var (registry, counter) = ExpiringCounter();
        counter.WithLabels("idle").Inc();
        var busy = counter.WithLabels("busy");
        await registry.CollectAsync();

        _time.Advance(TimeSpan.FromSeconds(30));
        busy.Inc();
        await registry.CollectAsync();
        Assert.Equal(2, counter.SeriesCount);

        _time.Advance(TimeSpan.FromSeconds(30));
        await registry.CollectAsync();

        Assert.Equal(["busy"], counter.Series.Select(s => s.LabelValues[0]));
        _time.Advance(TimeSpan.FromSeconds(30));
        await registry.CollectAsync();
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public async Task CollectAsync_UpdatedWithinExpiry_StaysExposed()
    {
        var (registry, counter) = ExpiringCounter();
        var series = counter.WithLabels("a");

        for (var i = 0; i < 5; i++)
        {
            series.Inc();
            await registry.CollectAsync();
            _time.Advance(TimeSpan.FromSeconds(59));
        }

        Assert.Same(series, Assert.Single(counter.Series));
    }

    [Fact]
    public async Task Inc_KeptHandleAfterExpiry_ComesBackWithItsValueAndCreated()
    {
        var (registry, counter) = ExpiringCounter();
        var kept = counter.WithLabels("a");
        kept.Add(5);
        var created = kept.Created;
        await Expire(registry);
        Assert.Equal(0, counter.SeriesCount);

        kept.Inc();

        Assert.Same(kept, Assert.Single(counter.Series));
        Assert.Same(kept, counter.WithLabels("a"));
        Assert.Equal(6, kept.Value);
        Assert.Equal(created, kept.Created);
    }

    [Fact]
    public async Task WithLabels_AfterExpiry_NewSeriesThatKeptHandleThenFeeds()
    {
        var (registry, counter) = ExpiringCounter();
        var kept = counter.WithLabels("a");
        kept.Add(5);
        await Expire(registry);

        var fresh = counter.WithLabels("a");
        fresh.Inc();
        kept.Add(2);
        kept.Inc();

        Assert.NotSame(kept, fresh);
        Assert.Same(fresh, Assert.Single(counter.Series));
        Assert.Equal(4, fresh.Value);
        Assert.Equal(_time.GetUtcNow(), fresh.Created);
        Assert.Equal(5, kept.Value);
    }

    [Fact]
    public async Task CollectAsync_ExpiredSeriesNotKept_MemoryReleased()
    {
        var (registry, counter) = ExpiringCounter();
        var weak = IncAndForget(counter, "gone");
        counter.WithLabels("stays");
        await registry.CollectAsync();
        _time.Advance(Expiry);
        counter.WithLabels("stays").Inc();
        await registry.CollectAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(weak.IsAlive);
        Assert.Equal(["stays"], counter.Series.Select(s => s.LabelValues[0]));
    }

    [Fact]
    public async Task Observe_HistogramAndGaugeHandlesAfterExpiry_ComeBack()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        var histogram = registry.CreateHistogram("expiring_seconds", "Expiring.", new HistogramOptions { LabelNames = ["id"], SeriesExpiry = Expiry, Buckets = [1] });
        var gauge = registry.CreateGauge("expiring", "Expiring.", new GaugeOptions { LabelNames = ["id"], SeriesExpiry = Expiry });
        var observed = histogram.WithLabels("a");
        var set = gauge.WithLabels("a");
        observed.Observe(0.5);
        set.Set(7);
        await Expire(registry);
        Assert.Equal(0, histogram.SeriesCount + gauge.SeriesCount);

        observed.Observe(2);
        set.Inc();

        Assert.Same(observed, Assert.Single(histogram.Series));
        Assert.Equal(2, observed.Count);
        Assert.Equal(2.5, observed.Sum);
        Assert.Same(set, Assert.Single(gauge.Series));
        Assert.Equal(8, set.Value);
    }

    [Fact]
    public async Task Observe_NativeHistogramHandleAfterExpiry_ComesBackWithItsBuckets()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        var histogram = registry.CreateHistogram("expiring_seconds", "Expiring.", new HistogramOptions { LabelNames = ["id"], SeriesExpiry = Expiry, Native = new() });
        var observed = histogram.WithLabels("a");
        observed.Observe(0.5);
        await Expire(registry);
        Assert.Equal(0, histogram.SeriesCount);

        observed.Observe(0.5);
        observed.Observe(-4);

        Assert.Same(observed, Assert.Single(histogram.Series));
        var snapshot = new HistogramSnapshot();
        observed.CopySnapshot(snapshot);
        Assert.Equal(3, snapshot.Count);
        Assert.Equal(-3, snapshot.Sum);
        Assert.Equal(2, Assert.Single(snapshot.PositiveBuckets.ToArray()).Count);
        Assert.Equal(1, Assert.Single(snapshot.NegativeBuckets.ToArray()).Count);
    }

    [Fact]
    public async Task Observe_StripedHistogramHandleAfterExpiry_ComesBackWithItsCounts()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        var histogram = registry.CreateHistogram("expiring_seconds", "Expiring.", new HistogramOptions { LabelNames = ["id"], SeriesExpiry = Expiry, Buckets = [1] });
        var observed = histogram.WithLabels("a");
        observed.Observe(0.5);
        observed.Stripe();
        observed.Observe(2);
        await Expire(registry);

        observed.Observe(0.25);

        Assert.Same(observed, Assert.Single(histogram.Series));
        var cumulative = new long[2];
        Assert.Equal(3, observed.CopyCumulativeCounts(cumulative, out var sum));
        Assert.Equal([2, 3], cumulative);
        Assert.Equal(2.75, sum);
    }

    [Fact]
    public async Task Inc_UnlabelledAfterExpiry_ExposedAgain()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        var counter = registry.CreateCounter("expiring_total", "Expiring.", new CounterOptions { SeriesExpiry = Expiry });
        counter.Inc();
        await Expire(registry);
        Assert.Equal(0, counter.SeriesCount);

        counter.Inc();

        Assert.Equal(2, Assert.Single(counter.Series).Value);
    }

    [Fact]
    public async Task WithLabels_ExpiryAtTheCardinalityLimit_MakesRoomAndOverflowComesBack()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        var counter = registry.CreateCounter("expiring_total", "Expiring.", new CounterOptions { LabelNames = ["id"], SeriesExpiry = Expiry, CardinalityLimit = 1 });
        counter.WithLabels("a").Inc();
        var overflow = counter.WithLabels("b");
        overflow.Add(3);
        await Expire(registry);
        Assert.Equal(0, counter.SeriesCount);

        var c = counter.WithLabels("c");
        c.Inc();
        overflow.Inc();

        Assert.Equal(["c"], c.LabelValues);
        Assert.Equal([c, overflow], counter.Series.ToArray());
        Assert.Equal(4, overflow.Value);
        Assert.Same(overflow, counter.WithLabels("d"));
    }

    [Fact]
    public void Constructor_NonPositiveSeriesExpiry_ThrowsNamingOptionAndMetric()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter("expiring_total", "Expiring.", new CounterOptions { SeriesExpiry = TimeSpan.Zero }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("SeriesExpiry", ex.Message);
        Assert.Contains("'expiring_total'", ex.Message);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference IncAndForget(Counter counter, string id)
    {
        var series = counter.WithLabels(id);
        series.Inc();
        return new WeakReference(series);
    }

    private (MetricRegistry Registry, Counter Counter) ExpiringCounter()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
        return (registry, registry.CreateCounter("expiring_total", "Expiring.", new CounterOptions { LabelNames = ["id"], SeriesExpiry = Expiry }));
    }

    /// <summary>Collects twice, <see cref="Expiry"/> apart: the first marks every series idle, the second removes them.</summary>
    private async Task Expire(MetricRegistry registry)
    {
        await registry.CollectAsync();
        _time.Advance(Expiry);
        await registry.CollectAsync();
    }
}
