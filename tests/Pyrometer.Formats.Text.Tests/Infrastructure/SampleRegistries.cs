using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>The registries behind the golden files and the allocation tests, on a fake clock so output never varies.</summary>
internal static class SampleRegistries
{
    public static readonly DateTimeOffset Start = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    /// <summary>Every metric type, const labels on the registry and a collector, escapes, non-ASCII text, special values, units.</summary>
    public static MetricRegistry Everything()
    {
        var time = new FakeTimeProvider(Start);
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["site"] = "Zürich", ["instance"] = "web-01" },
            TimeProvider = time,
        });

        var requests = registry.CreateCounter("http_requests_total", "Requests handled, by \"method\" and path.\nPaths like C:\\temp count too.", new CounterOptions
        {
            LabelNames = ["method", "path"],
            ConstLabels = new Dictionary<string, string> { ["handler"] = "api" },
        });
        requests.WithLabels("GET", "/").Add(3);
        time.Advance(TimeSpan.FromMilliseconds(250));
        requests.WithLabels("POST", "/ünïcödé/日本").Add(1.5);
        time.Advance(TimeSpan.FromSeconds(1));
        requests.WithLabels("GET", "C:\\temp \"quoted\"\nnext line").Add(1e6);

        registry.CreateGauge("queue_depth", "Items waiting.").Set(42);

        var temperature = registry.CreateGauge("sensor_temperature_celsius", "Temperature per sensor.", new GaugeOptions { LabelNames = ["sensor"], Unit = "celsius" });
        temperature.WithLabels("broken").Set(double.NaN);
        temperature.WithLabels("sun").Set(double.PositiveInfinity);
        temperature.WithLabels("space").Set(double.NegativeInfinity);
        temperature.WithLabels("outside").Set(-3.25);
        temperature.WithLabels("max").Set(double.MaxValue);
        temperature.WithLabels("tiny").Set(1e-05);
        temperature.WithLabels("tenth").Set(0.1);

        time.Advance(TimeSpan.FromSeconds(2));
        var duration = registry.CreateHistogram("request_duration_seconds", "Request latency.", new HistogramOptions { LabelNames = ["route"], Unit = "seconds" });
        var home = duration.WithLabels("/");
        foreach (var value in new[] { 0.005, 0.3, 0.3, 12 })
        {
            home.Observe(value);
        }

        _ = duration.WithLabels("/login");

        var sizes = registry.CreateHistogram("payload_size_bytes", "Payload sizes.", new HistogramOptions { Buckets = [1e-05, 0.001, 1, 100_000, 1e6, 1e7] });
        sizes.Observe(0.5);
        sizes.Observe(2e6);
        sizes.Observe(5e7);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var latency = registry.CreateSummary("rpc_latency_seconds", "RPC latency.", "service");
        var database = latency.WithLabels("db");
        for (var i = 1; i <= 100; i++)
        {
            database.Observe(i / 100.0);
        }

        _ = latency.WithLabels("cache");

        registry.CreateGauge("jobs_pending", "Jobs waiting, per queue; none yet.", "queue");
        return registry;
    }

    /// <summary>What only OpenMetrics treats specially: a counter without _total, a counter unit, negative buckets, a summary without quantiles, free-form labels.</summary>
    public static MetricRegistry EdgeCases()
    {
        var time = new FakeTimeProvider(Start);
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time });

        var legacy = registry.CreateCounter("legacy_requests", "A counter named without _total.");
        legacy.Inc();
        legacy.Inc();

        registry.CreateCounter("cpu_seconds_total", "CPU time.", new CounterOptions { Unit = "seconds" }).Add(4.25);

        var events = registry.CreateCounter("events_total", "Events with free-form labels.");
        events.WithLabels(new Labels { ["zone"] = "b", ["app"] = "a" }).Inc();

        var change = registry.CreateHistogram("temperature_change_celsius", "Change since the last reading.", new HistogramOptions { Buckets = [-10, -1, 0, 1, 10], Unit = "celsius" });
        foreach (var value in new[] { -5.0, 0, 3 })
        {
            change.Observe(value);
        }

        time.Advance(TimeSpan.FromTicks(1));
        var batches = registry.CreateSummary("batch_size", "Batch sizes, without quantiles.", new SummaryOptions { Quantiles = [] });
        batches.Observe(10);
        batches.Observe(32);
        return registry;
    }

    /// <summary>
    /// Counters and histograms with exemplars: labelled and unlabelled, latest wins, escapes and non-ASCII text, the
    /// 128 code point limit, no labels, every bucket including +Inf, negative values, a counter OpenMetrics writes as
    /// unknown, and timestamps with and without a fraction. With <paramref name="recordExemplars"/> false it records
    /// the same values without exemplars.
    /// </summary>
    public static MetricRegistry Exemplars(bool recordExemplars = true)
    {
        var time = new FakeTimeProvider(Start);
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["instance"] = "web-01" },
            TimeProvider = time,
        });

        void Add(CounterSeries series, double amount, Exemplar exemplar)
        {
            if (recordExemplars)
            {
                series.Add(amount, exemplar);
            }
            else
            {
                series.Add(amount);
            }
        }

        void Observe(HistogramSeries series, double value, Exemplar exemplar)
        {
            if (recordExemplars)
            {
                series.Observe(value, exemplar);
            }
            else
            {
                series.Observe(value);
            }
        }

        var requests = registry.CreateCounter("http_requests_total", "Requests handled.", "method");
        var get = requests.WithLabels("GET");
        Add(get, 1, Exemplar.From("trace_id", "0af7651916cd43dd8448eb211c80319c"));
        time.Advance(TimeSpan.FromMilliseconds(250));
        Add(get, 2, Exemplar.From(("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"), ("span_id", "00f067aa0ba902b7")));
        requests.WithLabels("POST").Add(5);
        Add(requests.WithLabels("PUT"), 1.5e6, Exemplar.From("trace_id", new string('ä', 120)));

        var jobs = registry.CreateCounter("jobs_total", "Jobs done.");
        time.Advance(TimeSpan.FromMilliseconds(72));
        Add(jobs.WithLabels(), 1, Exemplar.From());

        var paths = registry.CreateCounter("files_total", "Files, with an exemplar that needs escaping.");
        time.Advance(TimeSpan.FromTicks(1));
        Add(paths.WithLabels(), 3, Exemplar.From("path", "C:\\tmp \"quoted\"\nZürich 日本"));

        var legacy = registry.CreateCounter("legacy_events", "A counter named without _total.");
        Add(legacy.WithLabels(), 1, Exemplar.From("trace_id", "dropped"));

        registry.CreateGauge("queue_depth", "Items waiting.").Set(7);

        time.Advance(TimeSpan.FromSeconds(1));
        var duration = registry.CreateHistogram("request_duration_seconds", "Request latency.", new HistogramOptions { LabelNames = ["route"], Buckets = [0.1, 0.5, 1] });
        var home = duration.WithLabels("/");
        Observe(home, 0.05, Exemplar.From("trace_id", "a"));
        Observe(home, 0.3, Exemplar.From("trace_id", "b"));
        time.Advance(TimeSpan.FromMilliseconds(500));
        Observe(home, 0.07, Exemplar.From("trace_id", "c"));
        Observe(home, 2.5, Exemplar.From("trace_id", "d"));
        home.Observe(0.4);
        duration.WithLabels("/login").Observe(0.2);

        var change = registry.CreateHistogram("temperature_change_celsius", "Change since the last reading.", new HistogramOptions { Buckets = [-10, 0, 10] });
        time.Advance(TimeSpan.FromMilliseconds(1));
        Observe(change.WithLabels(), -12.5, Exemplar.From("sensor", "north"));
        Observe(change.WithLabels(), 4, Exemplar.From("sensor", "south"));
        return registry;
    }

    /// <summary>About <paramref name="seriesCount"/> series spread over counters, gauges, histograms and summaries, with exemplars.</summary>
    public static MetricRegistry Large(int seriesCount)
    {
        var time = new FakeTimeProvider(Start);
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["instance"] = "web-01" },
            TimeProvider = time,
        });
        var counter = registry.CreateCounter("app_operations_total", "Operations.", "operation", "outcome");
        var gauge = registry.CreateGauge("app_queue_items", "Queue items.", "queue");
        var histogram = registry.CreateHistogram("app_operation_duration_seconds", "Durations.", "operation");
        var summary = registry.CreateSummary("app_payload_bytes", "Payloads.", "operation");
        for (var i = 0; i < seriesCount / 4; i++)
        {
            var label = "op-" + i;
            var exemplar = Exemplar.From(("trace_id", "trace-" + i), ("span_id", "span-" + i));
            counter.WithLabels(label, i % 2 == 0 ? "ok" : "failed").Add(i * 1234567.891, exemplar);
            gauge.WithLabels(label).Set(i / 7.0);
            var series = histogram.WithLabels(label);
            series.Observe(i / 1000.0, exemplar);
            series.Observe(i);
            summary.WithLabels(label).Observe(i * 3.5);
            time.Advance(TimeSpan.FromTicks(12345));
        }

        return registry;
    }
}
