using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>Workload 1: incrementing a counter without labels.</summary>
/// <remarks>OpenTelemetry uses a <c>Counter&lt;long&gt;</c>, its fastest counter (a plain interlocked add).</remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class CounterIncBenchmarks
{
    private Counter _pyrometer = null!;
    private Prom.Counter _prometheusNet = null!;
    private OpenTelemetryPipeline _pipeline = null!;
    private Counter<long> _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pyrometer = new MetricRegistry().CreateCounter("bench_requests_total", "Requests.");
        _prometheusNet = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry()).CreateCounter("bench_requests_total", "Requests.");
        _pipeline = new OpenTelemetryPipeline("Pyrometer.Benchmarks.Counter");
        _openTelemetry = _pipeline.Meter.CreateCounter<long>("bench.requests");
        _openTelemetry.Add(1);
        _pipeline.EnsureAggregating();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.Inc();

    [Benchmark]
    public void PrometheusNet() => _prometheusNet.Inc();

    [Benchmark]
    public void OpenTelemetry() => _openTelemetry.Add(1);
}
