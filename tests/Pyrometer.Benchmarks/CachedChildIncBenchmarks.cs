using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>Workload 2: incrementing a series with 2 labels through a handle looked up once.</summary>
/// <remarks>
/// OpenTelemetry has no bound instruments, so its closest equivalent passes two tag pairs built once; the SDK
/// still finds the metric point from the tags on every call.
/// </remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class CachedChildIncBenchmarks
{
    private static readonly KeyValuePair<string, object?> Tag1 = new("k1", "a");
    private static readonly KeyValuePair<string, object?> Tag2 = new("k2", "b");

    private CounterSeries _pyrometer = null!;
    private Prom.Counter.Child _prometheusNet = null!;
    private OpenTelemetryPipeline _pipeline = null!;
    private Counter<long> _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pyrometer = new MetricRegistry().CreateCounter("bench_requests_total", "Requests.", "k1", "k2").WithLabels("a", "b");
        _prometheusNet = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry())
            .CreateCounter("bench_requests_total", "Requests.", "k1", "k2").WithLabels("a", "b");
        _pipeline = new OpenTelemetryPipeline("Pyrometer.Benchmarks.CachedChild");
        _openTelemetry = _pipeline.Meter.CreateCounter<long>("bench.requests");
        _openTelemetry.Add(1, Tag1, Tag2);
        _pipeline.EnsureAggregating();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.Inc();

    [Benchmark]
    public void PrometheusNet() => _prometheusNet.Inc();

    [Benchmark]
    public void OpenTelemetry() => _openTelemetry.Add(1, Tag1, Tag2);
}
