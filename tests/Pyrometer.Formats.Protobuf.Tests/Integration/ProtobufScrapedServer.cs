using Pyrometer.Exposition;
using Pyrometer.Formats.Text;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>
/// A registry with known values served by the HttpListener server with the text formats and protobuf, each wrapped
/// to count the responses written with it, so the tests see what Prometheus negotiated.
/// </summary>
public sealed class ProtobufScrapedServer : IAsyncLifetime
{
    public const string Job = "httplistener-protobuf";

    public const string TrickyLabelValue = "C:\\temp \"quoted\"\nZürich 日本 🔥";

    /// <summary>The native histogram <c>pb_native_seconds</c> holds the observations 1 to this.</summary>
    public const int NativeObservations = 101;

    private readonly Lock _lock = new();
    private HttpListenerMetricsServer? _server;
    private IDisposable? _target;

    public CountingFormat Protobuf { get; } = new(ProtobufFormats.Delimited);

    public CountingFormat OpenMetrics { get; } = new(TextFormats.OpenMetrics);

    public CountingFormat Text { get; } = new(TextFormats.Prometheus);

    public async Task InitializeAsync()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["region"] = "eu-1" } });
        var events = registry.CreateCounter("pb_events_total", "Events by kind.", new CounterOptions
        {
            LabelNames = ["kind"],
            ConstLabels = new Dictionary<string, string> { ["app"] = "shop" },
        });
        events.WithLabels("a").Add(3);
        events.WithLabels(TrickyLabelValue).Add(2.5, Exemplar.From("trace_id", "abc"));
        registry.CreateGauge("pb_temperature_celsius", "Temperature.").Set(-12.5);
        var latency = registry.CreateHistogram("pb_latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 0.5, 1, 5] });
        foreach (var (value, times) in new[] { (0.05, 10), (0.3, 20), (0.7, 10), (3.0, 10) })
        {
            for (var i = 0; i < times; i++)
            {
                latency.Observe(value);
            }
        }

        var sizes = registry.CreateSummary("pb_request_size_bytes", "Request sizes.");
        for (var size = 1; size <= 100; size++)
        {
            sizes.Observe(size);
        }

        // Native only, default schema 5; 1..101 so the median is one observation, 51.
        var native = registry.CreateHistogram("pb_native_seconds", "Native latency.", new HistogramOptions { Native = new() });
        for (var value = 1; value <= NativeObservations; value++)
        {
            native.Observe(value);
        }

        var formats = new ExpositionFormatCollection().Add(Text).Add(OpenMetrics).Add(Protobuf);
        _server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Registry = registry, Formats = formats });
        await _server.StartAsync();
    }

    /// <summary>Adds the job to Prometheus the first time a test asks.</summary>
    public void EnsureScraped(PrometheusFixture prometheus)
    {
        lock (_lock)
        {
            _target ??= prometheus.AddScrapeTarget(Job, _server!.MetricsUrl!.Port);
        }
    }

    public async Task DisposeAsync()
    {
        _target?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
