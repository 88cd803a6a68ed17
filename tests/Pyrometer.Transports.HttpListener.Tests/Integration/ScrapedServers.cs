using Pyrometer.Exposition;
using Pyrometer.Formats.Text;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.HttpListener.Tests.Integration;

/// <summary>
/// One registry with known values, served by three servers: one offering only text 0.0.4, one only OpenMetrics,
/// and one offering both so Prometheus' own Accept header picks. Each is a scrape job of the shared Prometheus,
/// registered once for the test class.
/// </summary>
public sealed class ScrapedServers : IAsyncLifetime
{
    public const string TextJob = "httplistener-text";
    public const string OpenMetricsJob = "httplistener-openmetrics";
    public const string NegotiatedJob = "httplistener-negotiated";

    /// <summary>Label values that must survive both formats' escaping exactly.</summary>
    public static readonly string[] TrickyLabelValues =
    [
        "plain",
        "say \"hi\"",
        @"C:\temp\new",
        "trailing backslash \\",
        "two\nlines",
        "Grüße, Zürich; Ελληνικά; 日本語; emoji 🔥",
        "",
    ];

    private readonly List<IDisposable> _targets = [];
    private readonly Dictionary<string, HttpListenerMetricsServer> _servers = [];
    private readonly Lock _lock = new();

    internal CountingFormat NegotiatedText { get; } = new(TextFormats.Prometheus);

    internal CountingFormat NegotiatedOpenMetrics { get; } = new(TextFormats.OpenMetrics);

    public async Task InitializeAsync()
    {
        var registry = new MetricRegistry();
        var events = registry.CreateCounter("it_events_total", "Events by kind.", "kind");
        events.WithLabels("a").Add(3);
        events.WithLabels("b").Add(2.5);
        registry.CreateGauge("it_temperature_celsius", "Temperature.").Set(-12.5);
        var latency = registry.CreateHistogram("it_latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 0.5, 1, 5] });
        Observe(latency, 0.05, 10);
        Observe(latency, 0.3, 20);
        Observe(latency, 0.7, 10);
        Observe(latency, 3, 10);
        var sizes = registry.CreateSummary("it_request_size_bytes", "Request sizes.");
        for (var size = 1; size <= 100; size++)
        {
            sizes.Observe(size);
        }

        var labelled = registry.CreateCounter("it_labelled_total", "Tricky label values.", "value");
        foreach (var value in TrickyLabelValues)
        {
            labelled.WithLabels(value).Inc();
        }

        var negotiated = new ExpositionFormatCollection().Add(NegotiatedText).Add(NegotiatedOpenMetrics);
        await StartAsync(TextJob, registry, new ExpositionFormatCollection().Add(TextFormats.Prometheus));
        await StartAsync(OpenMetricsJob, registry, new ExpositionFormatCollection().Add(TextFormats.OpenMetrics));
        await StartAsync(NegotiatedJob, registry, negotiated);
    }

    /// <summary>Adds the three jobs to Prometheus the first time a test asks.</summary>
    public void EnsureScraped(PrometheusFixture prometheus)
    {
        lock (_lock)
        {
            if (_targets.Count > 0)
            {
                return;
            }

            foreach (var (job, server) in _servers)
            {
                _targets.Add(prometheus.AddScrapeTarget(job, server.MetricsUrl!.Port));
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var target in _targets)
        {
            target.Dispose();
        }

        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }

    private static void Observe(Histogram histogram, double value, int times)
    {
        for (var i = 0; i < times; i++)
        {
            histogram.Observe(value);
        }
    }

    private async Task StartAsync(string job, MetricRegistry registry, ExpositionFormatCollection formats)
    {
        var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Registry = registry, Formats = formats });
        _servers.Add(job, server);
        await server.StartAsync();
    }
}
