using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Pyrometer.Exposition;
using Pyrometer.Formats.Text;
using Pyrometer.Transports.HttpListener;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Writing one scrape of the same registry as Prometheus text 0.0.4 and as OpenMetrics: 100 counters × 100 label
/// sets plus 50 histograms × 20 label sets (the Prometheus default buckets, .005 to 10), values set once.
/// </summary>
/// <remarks>
/// <para><c>Pyrometer</c> collects the registry and streams the format into a reused <see cref="MemoryStream"/>;
/// <c>PrometheusNet</c> does the same with <c>CollectAndExportAsTextAsync</c>.</para>
/// <para>OpenTelemetry's Prometheus serializer is internal, and reaching it by reflection would mean boxing its
/// internal collection response on every call, which would show up in the allocations measured. So
/// <c>OpenTelemetryOverHttp</c> scrapes its <c>AddPrometheusHttpListener</c> endpoint on loopback with an
/// <see cref="HttpClient"/> (response cache off, scope and target info off, histograms given the same buckets
/// through a view): that row includes HTTP. <c>PyrometerOverHttp</c> scrapes Pyrometer's own
/// <see cref="HttpListenerMetricsServer"/> the same way, so compare the two HTTP rows with each other.</para>
/// </remarks>
[MemoryDiagnoser]
public class TextFormatBenchmarks
{
    private const int Counters = 100;
    private const int CounterLabelSets = 100;
    private const int Histograms = 50;
    private const int HistogramLabelSets = 20;
    private static readonly double[] Observations = [0.003, 0.2, 4.0];

    private readonly MemoryStream _stream = new(4 * 1024 * 1024);
    private MetricRegistry _pyrometer = null!;
    private ExpositionFormat _pyrometerFormat = null!;
    private Prom.CollectorRegistry _prometheusNet = null!;
    private Prom.ExpositionFormat _prometheusNetFormat;
    private Meter _meter = null!;
    private MeterProvider _openTelemetry = null!;
    private HttpListenerMetricsServer _pyrometerServer = null!;
    private HttpClient _client = null!;
    private Uri _openTelemetryUri = null!;
    private string _accept = null!;

    /// <summary>Gets or sets the format written: <c>text</c> (0.0.4) or <c>openmetrics</c> (1.0.0).</summary>
    [Params("text", "openmetrics")]
    public string Format { get; set; } = "text";

    [GlobalSetup]
    public async Task Setup()
    {
        var openMetrics = Format == "openmetrics";
        _pyrometerFormat = openMetrics ? TextFormats.OpenMetrics : TextFormats.Prometheus;
        _prometheusNetFormat = openMetrics ? Prom.ExpositionFormat.OpenMetricsText : Prom.ExpositionFormat.PrometheusText;
        _accept = openMetrics ? "application/openmetrics-text; version=1.0.0" : "text/plain; version=0.0.4";

        _pyrometer = CreatePyrometer();
        _prometheusNet = CreatePrometheusNet();

        var openTelemetryPort = FreePort();
        _meter = new Meter("Pyrometer.Benchmarks.TextFormat");
        _openTelemetry = Sdk.CreateMeterProviderBuilder()
            .AddMeter(_meter.Name)
            .AddView(instrument => instrument is Histogram<double> ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. Buckets.Default] } : null)
            .AddPrometheusHttpListener(options =>
            {
                options.Host = "127.0.0.1";
                options.Port = openTelemetryPort;
                options.ScrapeResponseCacheDurationMilliseconds = 0;
                options.ScopeInfoEnabled = false;
                options.TargetInfoEnabled = false;
            })
            .Build();
        RecordOpenTelemetry(_meter);
        _openTelemetryUri = new Uri($"http://127.0.0.1:{openTelemetryPort}/metrics");

        _pyrometerServer = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Registry = _pyrometer });
        await _pyrometerServer.StartAsync().ConfigureAwait(false);
        _client = new HttpClient();

        await Verify(Pyrometer, nameof(Pyrometer)).ConfigureAwait(false);
        await Verify(PrometheusNet, nameof(PrometheusNet)).ConfigureAwait(false);
        await Verify(PyrometerOverHttp, nameof(PyrometerOverHttp)).ConfigureAwait(false);
        await Verify(OpenTelemetryOverHttp, nameof(OpenTelemetryOverHttp)).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _pyrometerServer.DisposeAsync().ConfigureAwait(false);
        _openTelemetry.Dispose();
        _meter.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task Pyrometer()
    {
        Reset();
        var metrics = await _pyrometer.CollectAsync().ConfigureAwait(false);
        await _pyrometerFormat.WriteAsync(_stream, metrics).ConfigureAwait(false);
    }

    [Benchmark]
    public Task PrometheusNet()
    {
        Reset();
        return _prometheusNet.CollectAndExportAsTextAsync(_stream, _prometheusNetFormat);
    }

    [Benchmark]
    public Task PyrometerOverHttp() => ScrapeAsync(_pyrometerServer.MetricsUrl!);

    [Benchmark]
    public Task OpenTelemetryOverHttp() => ScrapeAsync(_openTelemetryUri);

    /// <summary>Creates the Pyrometer registry every format benchmark writes.</summary>
    /// <summary>Creates the registry; with <paramref name="native"/>, its histograms keep native buckets besides the classic ones.</summary>
    internal static MetricRegistry CreatePyrometer(NativeHistogramOptions? native = null)
    {
        var registry = new MetricRegistry();
        for (var i = 0; i < Counters; i++)
        {
            var counter = registry.CreateCounter($"bench_counter_{i}_total", "A benchmark counter.", "path");
            for (var j = 0; j < CounterLabelSets; j++)
            {
                counter.WithLabels(Path(j)).Add(CounterValue(i, j));
            }
        }

        for (var i = 0; i < Histograms; i++)
        {
            var histogram = registry.CreateHistogram($"bench_histogram_{i}_seconds", "A benchmark histogram.", new HistogramOptions { LabelNames = ["path"], Unit = "seconds", Native = native, Buckets = native is null ? null : Buckets.Default });
            for (var j = 0; j < HistogramLabelSets; j++)
            {
                var series = histogram.WithLabels(Path(j));
                foreach (var value in Observations)
                {
                    series.Observe(value);
                }
            }
        }

        return registry;
    }

    /// <summary>Creates the prometheus-net registry with the same series.</summary>
    internal static Prom.CollectorRegistry CreatePrometheusNet()
    {
        var registry = Prom.Metrics.NewCustomRegistry();
        var factory = Prom.Metrics.WithCustomRegistry(registry);
        for (var i = 0; i < Counters; i++)
        {
            var counter = factory.CreateCounter($"bench_counter_{i}_total", "A benchmark counter.", "path");
            for (var j = 0; j < CounterLabelSets; j++)
            {
                counter.WithLabels(Path(j)).Inc(CounterValue(i, j));
            }
        }

        for (var i = 0; i < Histograms; i++)
        {
            var histogram = factory.CreateHistogram($"bench_histogram_{i}_seconds", "A benchmark histogram.", "path");
            for (var j = 0; j < HistogramLabelSets; j++)
            {
                var series = histogram.WithLabels(Path(j));
                foreach (var value in Observations)
                {
                    series.Observe(value);
                }
            }
        }

        return registry;
    }

    /// <summary>Records the same series on an OpenTelemetry meter (histograms need <see cref="Buckets.Default"/> through a view).</summary>
    internal static void RecordOpenTelemetry(Meter meter)
    {
        for (var i = 0; i < Counters; i++)
        {
            var counter = meter.CreateCounter<double>($"bench.counter.{i}", description: "A benchmark counter.");
            for (var j = 0; j < CounterLabelSets; j++)
            {
                counter.Add(CounterValue(i, j), new KeyValuePair<string, object?>("path", Path(j)));
            }
        }

        for (var i = 0; i < Histograms; i++)
        {
            var histogram = meter.CreateHistogram<double>($"bench.histogram.{i}", unit: "s", description: "A benchmark histogram.");
            for (var j = 0; j < HistogramLabelSets; j++)
            {
                foreach (var value in Observations)
                {
                    histogram.Record(value, new KeyValuePair<string, object?>("path", Path(j)));
                }
            }
        }
    }

    private static string Path(int labelSet) => $"/api/items/{labelSet}";

    private static double CounterValue(int counter, int labelSet) => (counter * CounterLabelSets) + labelSet + 0.5;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ScrapeAsync(Uri uri)
    {
        Reset();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", _accept);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(_stream).ConfigureAwait(false);
    }

    private void Reset()
    {
        _stream.Position = 0;
        _stream.SetLength(0);
    }

    /// <summary>Fails the run early if a library wrote something other than the whole registry.</summary>
    private async Task Verify(Func<Task> scrape, string name)
    {
        await scrape().ConfigureAwait(false);
        VerifyWhole(_stream, $"{name} ({Format})");
    }

    /// <summary>Throws unless <paramref name="stream"/> holds the whole registry; prints its size.</summary>
    internal static void VerifyWhole(MemoryStream stream, string name)
    {
        var text = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
        var counterSamples = text.Split('\n').Count(line => line.StartsWith("bench_counter_", StringComparison.Ordinal) && line.Contains("_total{", StringComparison.Ordinal));
        var lastBucket = $"bench_histogram_{Histograms - 1}_seconds_bucket{{";
        if (counterSamples != Counters * CounterLabelSets || !text.Contains(lastBucket, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name} wrote {counterSamples} counter samples and {(text.Contains(lastBucket, StringComparison.Ordinal) ? "all" : "not all")} histograms in {text.Length} characters.");
        }

        Console.WriteLine($"// {name}: {stream.Length:N0} bytes");
    }
}
