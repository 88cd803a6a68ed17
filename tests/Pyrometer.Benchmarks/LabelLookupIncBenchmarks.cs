using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>Workload 3: incrementing a series with 2 labels whose values are looked up on every call.</summary>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class LabelLookupIncBenchmarks
{
    private Counter _pyrometer = null!;
    private Prom.Counter _prometheusNet = null!;
    private OpenTelemetryPipeline _pipeline = null!;
    private Counter<long> _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pyrometer = new MetricRegistry().CreateCounter("bench_requests_total", "Requests.", "k1", "k2");
        _prometheusNet = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry()).CreateCounter("bench_requests_total", "Requests.", "k1", "k2");
        _pipeline = new OpenTelemetryPipeline("Pyrometer.Benchmarks.LabelLookup");
        _openTelemetry = _pipeline.Meter.CreateCounter<long>("bench.requests");
        OpenTelemetry();
        _pipeline.EnsureAggregating();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.WithLabels("a", "b").Inc();

    [Benchmark]
    public void PrometheusNet() => _prometheusNet.WithLabels("a", "b").Inc();

    [Benchmark]
    public void OpenTelemetry() => _openTelemetry.Add(1, new("k1", "a"), new("k2", "b"));
}
