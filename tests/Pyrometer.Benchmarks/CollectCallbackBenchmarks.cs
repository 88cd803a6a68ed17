using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Pyrometer.Exposition;
using Pyrometer.Formats.Text;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// One collection of a small registry whose 10 gauges are set by a synchronous callback at collect time: what a
/// collect callback adds to a scrape.
/// </summary>
/// <remarks>
/// <para><c>Pyrometer</c> runs the callback through <c>AddCollectCallback</c> (on a thread-pool thread, as one run
/// shared by concurrent collections, bounded by the collect timeout), then writes text 0.0.4 into a reused
/// <see cref="MemoryStream"/>. <c>PrometheusNet</c> runs an <c>AddBeforeCollectCallback</c> inline and writes the
/// same text with <c>CollectAndExportAsTextAsync</c>.</para>
/// <para><c>OpenTelemetry</c> observes 10 observable gauges from one callback per instrument and collects them into a
/// discarding exporter: it serialises nothing, so that row does less work than the other two.</para>
/// </remarks>
[MemoryDiagnoser]
public class CollectCallbackBenchmarks
{
    private const int Gauges = 10;

    private readonly MemoryStream _stream = new(64 * 1024);
    private MetricRegistry _pyrometer = null!;
    private IDisposable _pyrometerCallback = null!;
    private Prom.CollectorRegistry _prometheusNet = null!;
    private OpenTelemetryPipeline _openTelemetry = null!;
    private double _value;

    [GlobalSetup]
    public void Setup()
    {
        _pyrometer = new MetricRegistry();
        var gauges = Enumerable.Range(0, Gauges).Select(i => _pyrometer.CreateGauge($"bench_gauge_{i}", "A benchmark gauge.")).ToArray();
        _pyrometerCallback = _pyrometer.AddCollectCallback(() =>
        {
            var value = ++_value;
            foreach (var gauge in gauges)
            {
                gauge.Set(value);
            }
        });

        _prometheusNet = Prom.Metrics.NewCustomRegistry();
        var factory = Prom.Metrics.WithCustomRegistry(_prometheusNet);
        var promGauges = Enumerable.Range(0, Gauges).Select(i => factory.CreateGauge($"bench_gauge_{i}", "A benchmark gauge.")).ToArray();
        _prometheusNet.AddBeforeCollectCallback(() =>
        {
            var value = ++_value;
            foreach (var gauge in promGauges)
            {
                gauge.Set(value);
            }
        });

        _openTelemetry = new OpenTelemetryPipeline("Pyrometer.Benchmarks.CollectCallback");
        for (var i = 0; i < Gauges; i++)
        {
            _openTelemetry.Meter.CreateObservableGauge($"bench.gauge.{i}", () => _value, description: "A benchmark gauge.");
        }

        if (_openTelemetry.CollectPointCount() != Gauges)
        {
            throw new InvalidOperationException("OpenTelemetry did not observe every gauge.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pyrometerCallback.Dispose();
        _openTelemetry.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task Pyrometer()
    {
        Reset();
        var metrics = await _pyrometer.CollectAsync().ConfigureAwait(false);
        await TextFormats.Prometheus.WriteAsync(_stream, metrics).ConfigureAwait(false);
    }

    [Benchmark]
    public Task PrometheusNet()
    {
        Reset();
        return _prometheusNet.CollectAndExportAsTextAsync(_stream, Prom.ExpositionFormat.PrometheusText);
    }

    [Benchmark]
    public int OpenTelemetry() => _openTelemetry.CollectPointCount();

    private void Reset()
    {
        _stream.Position = 0;
        _stream.SetLength(0);
    }
}
