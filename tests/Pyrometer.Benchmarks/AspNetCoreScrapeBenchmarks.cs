using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// One scrape of the 10 000-series registry (<see cref="TextFormatBenchmarks"/>'s) over real HTTP on loopback, each
/// library served by its own ASP.NET Core endpoint in a WebApplication on Kestrel: Pyrometer's
/// <c>MapPyrometerMetrics</c>, prometheus-net.AspNetCore's <c>MapMetrics</c> and OpenTelemetry's
/// <c>MapPrometheusScrapingEndpoint</c> (response cache off, scope and target info off). Text 0.0.4, no gzip.
/// </summary>
/// <remarks>Server and client run in this process, so the allocations counted are both sides of one scrape; the client side is the same for all three.</remarks>
[MemoryDiagnoser]
[SharedMachineJob]
public class AspNetCoreScrapeBenchmarks
{
    private const string Accept = "text/plain; version=0.0.4";

    private readonly MemoryStream _stream = new(4 * 1024 * 1024);
    private readonly HttpClient _client = new();
    private WebApplication _pyrometer = null!;
    private WebApplication _prometheusNet = null!;
    private WebApplication _openTelemetry = null!;
    private Meter _meter = null!;
    private MeterProvider _meterProvider = null!;
    private Uri _pyrometerUri = null!;
    private Uri _prometheusNetUri = null!;
    private Uri _openTelemetryUri = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var pyrometerRegistry = TextFormatBenchmarks.CreatePyrometer();
        (_pyrometer, _pyrometerUri) = await StartAsync(null, app => app.MapPyrometerMetrics(configure: o => o.Registry = pyrometerRegistry)).ConfigureAwait(false);

        var prometheusNetRegistry = TextFormatBenchmarks.CreatePrometheusNet();
        (_prometheusNet, _prometheusNetUri) = await StartAsync(null, app => Prom.MetricServerMiddlewareExtensions.MapMetrics(app, "/metrics", prometheusNetRegistry)).ConfigureAwait(false);

        _meter = new Meter("Pyrometer.Benchmarks.AspNetCoreScrape");
        _meterProvider = global::OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(_meter.Name)
            .AddView(instrument => instrument is Histogram<double> ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. Buckets.Default] } : null)
            .AddPrometheusExporter(options =>
            {
                options.ScrapeResponseCacheDurationMilliseconds = 0;
                options.ScopeInfoEnabled = false;
                options.TargetInfoEnabled = false;
            })
            .Build();
        TextFormatBenchmarks.RecordOpenTelemetry(_meter); // after the provider listens, or the measurements are dropped
        (_openTelemetry, _openTelemetryUri) = await StartAsync(null, app => app.MapPrometheusScrapingEndpoint("/metrics", _meterProvider, null, null)).ConfigureAwait(false);

        foreach (var (scrape, name) in new (Func<Task>, string)[] { (Pyrometer, nameof(Pyrometer)), (PrometheusNet, nameof(PrometheusNet)), (OpenTelemetry, nameof(OpenTelemetry)) })
        {
            await scrape().ConfigureAwait(false);
            TextFormatBenchmarks.VerifyWhole(_stream, $"{name} over ASP.NET Core");
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        foreach (var app in new[] { _pyrometer, _prometheusNet, _openTelemetry })
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _meterProvider.Dispose();
        _meter.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task Pyrometer() => ScrapeAsync(_pyrometerUri);

    [Benchmark]
    public Task PrometheusNet() => ScrapeAsync(_prometheusNetUri);

    [Benchmark]
    public Task OpenTelemetry() => ScrapeAsync(_openTelemetryUri);

    private static async Task<(WebApplication App, Uri MetricsUri)> StartAsync(Action<IServiceCollection>? services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(new Uri(address), "/metrics"));
    }

    private async Task ScrapeAsync(Uri uri)
    {
        _stream.Position = 0;
        _stream.SetLength(0);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await response.Content.CopyToAsync(_stream).ConfigureAwait(false);
    }
}
