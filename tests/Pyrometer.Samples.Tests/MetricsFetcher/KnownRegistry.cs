using Pyrometer.Exposition;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Samples.Tests.MetricsFetcher;

/// <summary>A registry whose every value the tests know, served by Pyrometer's own server in every format.</summary>
internal sealed class KnownRegistry : IAsyncDisposable
{
    private readonly HttpListenerMetricsServer _server;

    private KnownRegistry(MetricRegistry registry)
    {
        _server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
        {
            Port = 0,
            Registry = registry,
            Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat(),
        });
    }

    public Uri Url => _server.MetricsUrl!;

    /// <summary>The lines of text format 0.0.4 the decoded protobuf must show, as the tests expect them.</summary>
    public static IReadOnlyList<string> ExpectedLines { get; } =
    [
        "# HELP jobs_total Jobs done.",
        "# TYPE jobs_total counter",
        "jobs_total{queue=\"a\\\"b\\\\c\"} 5",
        "# HELP temperature_celsius Temperature, in \\\\ degrees.",
        "# TYPE temperature_celsius gauge",
        "temperature_celsius 21.5",
        "# TYPE latency_seconds histogram",
        "latency_seconds_bucket{path=\"/\",le=\"0.1\"} 1",
        "latency_seconds_bucket{path=\"/\",le=\"1\"} 2",
        "latency_seconds_bucket{path=\"/\",le=\"+Inf\"} 3",
        "latency_seconds_sum{path=\"/\"} 3.55",
        "latency_seconds_count{path=\"/\"} 3",
        "# TYPE size_bytes summary",
        "size_bytes{quantile=\"0.5\"} 10",
        "size_bytes_sum 10",
        "size_bytes_count 1",
        "# TYPE native_seconds histogram",
        "native_seconds_count 2",
    ];

    public static async Task<KnownRegistry> StartAsync()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs done.", "queue").WithLabels("a\"b\\c").Add(5);
        registry.CreateGauge("temperature_celsius", "Temperature, in \\ degrees.").Set(21.5);
        var latency = registry.CreateHistogram("latency_seconds", "Request latency.", new HistogramOptions { LabelNames = ["path"], Buckets = [0.1, 1] });
        foreach (var seconds in new[] { 0.05, 0.5, 3 })
        {
            latency.WithLabels("/").Observe(seconds);
        }

        registry.CreateSummary("size_bytes", "Sizes.", new SummaryOptions { Quantiles = [new QuantileTarget(0.5, 0.05)] }).Observe(10);

        // Schema 0: bucket i holds (2^(i-1), 2^i], so 1 lands in (0.5,1] and 3 in (2,4].
        var native = registry.CreateHistogram("native_seconds", "Native buckets.", new HistogramOptions { Native = new NativeHistogramOptions { Schema = 0 } });
        native.Observe(1);
        native.Observe(3);

        var known = new KnownRegistry(registry);
        await known._server.StartAsync();
        return known;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
