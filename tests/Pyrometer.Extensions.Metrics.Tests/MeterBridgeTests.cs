using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Tests;

public sealed class MeterBridgeTests
{
    private static string UniqueMeter() => "Pyrometer.Tests." + Guid.NewGuid().ToString("N");

    private static (MetricRegistry Registry, MeterBridge Bridge, Meter Meter) Start(Action<MeterBridgeOptions>? configure = null)
    {
        var meter = new Meter(UniqueMeter(), "1.2.3");
        var registry = new MetricRegistry();
        var bridge = registry.AddMeterBridge(o =>
        {
            o.Meters.Add(meter.Name);
            configure?.Invoke(o);
        });
        return (registry, bridge, meter);
    }

    [Fact]
    public async Task Counter_WithTags_ExportsTotalWithUnitAndLabels()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var counter = meter.CreateCounter<long>("http.client.requests", "{request}", "Requests sent.");

        counter.Add(2, new KeyValuePair<string, object?>("http.method", "GET"), new KeyValuePair<string, object?>("code", 200));
        counter.Add(3, new KeyValuePair<string, object?>("code", 200), new KeyValuePair<string, object?>("http.method", "GET"));

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("# TYPE http_client_requests_total counter", text);
        Assert.Contains("# HELP http_client_requests_total Requests sent.", text);
        Assert.Contains("http_client_requests_total{code=\"200\",http_method=\"GET\"} 5", text);
    }

    [Fact]
    public async Task Histogram_InSeconds_ExportsSecondsWithAdvisedBuckets()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var histogram = meter.CreateHistogram<double>(
            "db.query.duration",
            "s",
            "Query time.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });

        histogram.Record(0.05, new KeyValuePair<string, object?>("db", "main"));
        histogram.Record(0.5, new KeyValuePair<string, object?>("db", "main"));

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("db_query_duration_seconds_bucket{db=\"main\",le=\"0.1\"} 1", text);
        Assert.Contains("db_query_duration_seconds_bucket{db=\"main\",le=\"1\"} 2", text);
        Assert.Contains("db_query_duration_seconds_bucket{db=\"main\",le=\"+Inf\"} 2", text);
        Assert.Contains("db_query_duration_seconds_count{db=\"main\"} 2", text);
    }

    [Fact]
    public async Task Histogram_InMillisecondsConverted_ExportsSeconds()
    {
        var (registry, bridge, meter) = Start(o => o.ConvertMillisecondsToSeconds = true);
        using var _ = bridge;
        using var __ = meter;
        var histogram = meter.CreateHistogram<double>("job.time", "ms", "Job time.");

        histogram.Record(250);

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("job_time_seconds_sum 0.25", text);
        Assert.Contains("job_time_seconds_bucket{le=\"0.25\"} 1", text);
    }

    [Fact]
    public async Task Histogram_InMilliseconds_KeepsMillisecondsAndOpenTelemetryBuckets()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        meter.CreateHistogram<int>("job.time", "ms", "Job time.").Record(7);

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("job_time_milliseconds_bucket{le=\"5\"} 0", text);
        Assert.Contains("job_time_milliseconds_bucket{le=\"10\"} 1", text);
        Assert.Contains("job_time_milliseconds_bucket{le=\"10000\"} 1", text);
    }

    [Fact]
    public async Task UpDownCounter_InBytes_ExportsGaugeOfSum()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var queue = meter.CreateUpDownCounter<int>("queue.size", "By");

        queue.Add(10);
        queue.Add(-4);

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("# TYPE queue_size_bytes gauge", text);
        Assert.Contains("queue_size_bytes 6", text);
    }

    [Fact]
    public async Task Gauge_UnitOne_ExportsRatioWithLastValue()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var gauge = meter.CreateGauge<double>("cache.hit", "1");

        gauge.Record(0.5);
        gauge.Record(0.75);

        Assert.Contains("cache_hit_ratio 0.75", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task ObservableInstruments_ReadAtCollectTime()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var calls = 0;
        var total = 0L;
        meter.CreateObservableCounter("jobs.done", () => { calls++; return new Measurement<long>(total, new KeyValuePair<string, object?>("kind", "a")); });
        meter.CreateObservableGauge("temperature", () => 21.5, "Cel");
        meter.CreateObservableUpDownCounter("connections", () => calls * 2);

        Assert.Equal(0, calls);
        total = 5;
        var first = await Exposition.TextAsync(registry);
        total = 8;
        var second = await Exposition.TextAsync(registry);

        Assert.Equal(2, calls);
        Assert.Contains("jobs_done_total{kind=\"a\"} 5", first);
        Assert.Contains("jobs_done_total{kind=\"a\"} 8", second);
        Assert.Contains("temperature_celsius 21.5", second);
        Assert.Contains("connections 4", second);
    }

    [Fact]
    public async Task ObservableInstruments_OneCallbackThrows_OthersStillExported()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        meter.CreateObservableGauge<int>("broken", int () => throw new InvalidOperationException("broken callback"));
        meter.CreateObservableGauge("working", () => 3);

        Assert.Contains("working 3", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task ObservableCounter_TotalGoesDown_RestartsSeries()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var total = 10L;
        meter.CreateObservableCounter("restarts", () => total);

        await Exposition.TextAsync(registry);
        total = 3;

        Assert.Contains("restarts_total 3", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task Meter_CreatedAfterStart_IsExported()
    {
        var name = UniqueMeter();
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o => o.Meters.Add(string.Concat(name.AsSpan(0, name.Length - 8), "*")));

        using var meter = new Meter(name);
        meter.CreateCounter<int>("late").Add(1);

        Assert.Contains("late_total 1", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task Meter_Disposed_SeriesDisappear()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        meter.CreateCounter<int>("gone").Add(1);
        Assert.Contains("gone_total 1", await Exposition.TextAsync(registry));

        meter.Dispose();

        Assert.DoesNotContain("gone_total", await Exposition.TextAsync(registry));
        Assert.False(registry.TryGet("gone_total", out var _));
    }

    [Fact]
    public async Task Meter_NotSelected_IsNotExported()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        using var other = new Meter(UniqueMeter());

        other.CreateCounter<int>("unselected").Add(1);

        Assert.DoesNotContain("unselected", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task MeterFilter_SelectsMeter()
    {
        using var meter = new Meter(UniqueMeter());
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o => o.MeterFilter = m => ReferenceEquals(m, meter));

        meter.CreateCounter<int>("filtered").Add(1);

        Assert.Contains("filtered_total 1", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task ExcludedMeters_SelectedByPrefix_IsNotExported()
    {
        var prefix = UniqueMeter();
        using var kept = new Meter(prefix + ".Kept");
        using var excluded = new Meter(prefix + ".Excluded");
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o =>
        {
            o.Meters.Add(prefix + ".*");
            o.ExcludedMeters.Add(excluded.Name);
        });

        kept.CreateCounter<int>("kept").Add(1);
        excluded.CreateCounter<int>("excluded").Add(1);

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("kept_total 1", text);
        Assert.DoesNotContain("excluded", text);
    }

    [Fact]
    public void Constructor_ExcludedMeterEmpty_ThrowsNamingTheEntry()
    {
        var options = new MeterBridgeOptions();
        options.ExcludedMeters.Add(" ");

        var e = Assert.Throws<ArgumentException>(() => new MeterBridge(new MetricRegistry(), options));

        Assert.StartsWith("MeterBridgeOptions.ExcludedMeters[0] is ' '", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histogram_TagsBeyondCardinalityLimit_OverflowCountsExactAndWarnsOnce()
    {
        var logs = new Pyrometer.TestUtils.ListLoggerFactory();
        var (registry, bridge, meter) = Start(o =>
        {
            o.CardinalityLimit = 1;
            o.LoggerFactory = logs;
        });
        using var _ = bridge;
        using var __ = meter;
        var histogram = meter.CreateHistogram<double>("wait", "s");

        histogram.Record(0.1, new KeyValuePair<string, object?>("queue", "a"));
        for (var i = 0; i < 3; i++)
        {
            histogram.Record(0.2, new KeyValuePair<string, object?>("queue", "b"));
            histogram.Record(0.3, new KeyValuePair<string, object?>("queue", "c" + i));
        }

        var counts = await Exposition.SamplesAsync(registry, "wait_seconds_count");
        Assert.Equal(["wait_seconds_count{queue=\"a\"} 1", "wait_seconds_count{otel_metric_overflow=\"true\"} 6"], counts);
        var warning = Assert.Single(logs.Entries, e => e.EventId == 4);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Equal($"Instrument 'wait' of meter '{meter.Name}' reached the cardinality limit of 1 series of family 'wait_seconds': further tag sets are recorded into its otel_metric_overflow=\"true\" series", warning.Message);
    }

    [Fact]
    public async Task IncludeMeterLabels_AddsScopeNameAndVersion()
    {
        var (registry, bridge, meter) = Start(o => o.IncludeMeterLabels = true);
        using var _ = bridge;
        using var __ = meter;

        meter.CreateCounter<int>("scoped").Add(1, new KeyValuePair<string, object?>("a", "b"));

        Assert.Contains($"scoped_total{{a=\"b\",otel_scope_name=\"{meter.Name}\",otel_scope_version=\"1.2.3\"}} 1", await Exposition.TextAsync(registry));
    }

    [Fact]
    public async Task Collision_DifferentKinds_SecondNotExported()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        meter.CreateCounter<int>("jobs", "{job}").Add(1);
        meter.CreateGauge<int>("jobs.total").Record(9);

        var text = await Exposition.TextAsync(registry);
        Assert.Contains("jobs_total 1", text);
        Assert.DoesNotContain(" 9", text);
        Assert.Single(text.Split('\n'), l => l == "# TYPE jobs_total counter");
    }

    [Fact]
    public async Task Collision_SameDefinitionInTwoMeters_SharesFamily()
    {
        var (registry, bridge, meter) = Start(o => o.IncludeMeterLabels = true);
        using var _ = bridge;
        using var __ = meter;
        using var second = new Meter(meter.Name);
        meter.CreateCounter<int>("shared").Add(1);
        second.CreateCounter<int>("shared").Add(2);

        var samples = await Exposition.SamplesAsync(registry, "shared_total");

        Assert.Equal([$"shared_total{{otel_scope_name=\"{meter.Name}\",otel_scope_version=\"1.2.3\"}} 1", $"shared_total{{otel_scope_name=\"{meter.Name}\"}} 2"], samples);
    }

    [Fact]
    public async Task Collision_WithNativeCollector_NotExported()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        registry.CreateGauge("native_total", "A native gauge.").Set(4);

        meter.CreateGauge<int>("native.total").Record(1);

        Assert.Equal(["native_total 4"], await Exposition.SamplesAsync(registry, "native_total"));
    }

    [Fact]
    public async Task ConcurrentRecording_WhileScraping_CountsEveryMeasurement()
    {
        var (registry, bridge, meter) = Start();
        using var _ = bridge;
        using var __ = meter;
        var counter = meter.CreateCounter<long>("busy");
        var tags = Enumerable.Range(0, 8).Select(i => new KeyValuePair<string, object?>("worker", i.ToString())).ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var writers = tags.Select(tag => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                counter.Add(1, tag);
            }
        })).ToArray();
        var scrapes = 0;
        while (!writers.All(w => w.IsCompleted) && !stop.IsCancellationRequested)
        {
            await Exposition.TextAsync(registry);
            scrapes++;
        }

        await Task.WhenAll(writers);
        var samples = await Exposition.SamplesAsync(registry, "busy_total");
        Assert.Equal(8, samples.Length);
        Assert.All(samples, s => Assert.EndsWith(" 20000", s));
        Assert.True(scrapes > 0);
    }

    [Fact]
    public void Constructor_CardinalityLimitZero_ThrowsNamingOption()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MeterBridge(new MetricRegistry(), new MeterBridgeOptions { CardinalityLimit = 0 }));
        Assert.Contains("CardinalityLimit", e.Message);
    }

    [Fact]
    public void Constructor_BucketsNotIncreasing_ThrowsNamingOption()
    {
        var e = Assert.Throws<ArgumentException>(() => new MeterBridge(new MetricRegistry(), new MeterBridgeOptions { HistogramBuckets = [1, 1] }));
        Assert.Contains("HistogramBuckets", e.Message);
    }

    [Fact]
    public async Task Dispose_UnregistersFamilies()
    {
        var (registry, bridge, meter) = Start();
        using var __ = meter;
        meter.CreateCounter<int>("stopped").Add(1);
        Assert.Contains("stopped_total", await Exposition.TextAsync(registry));

        bridge.Dispose();

        Assert.DoesNotContain("stopped_total", await Exposition.TextAsync(registry));
    }
}
