using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Workload 6: two threads incrementing one counter without labels at the same time. Each invocation releases
/// two threads started in setup, each doing <see cref="IncrementsPerThread"/> increments; the time shown is per
/// increment, so throughput is its inverse.
/// </summary>
/// <remarks>OpenTelemetry uses a <c>Counter&lt;long&gt;</c>, its fastest counter (a plain interlocked add).</remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class TwoThreadCounterIncBenchmarks
{
    private const int IncrementsPerThread = 100_000;
    private const int Increments = 2 * IncrementsPerThread;

    private ThreadPair _threads = null!;
    private OpenTelemetryPipeline? _pipeline;

    [GlobalSetup(Target = nameof(Pyrometer))]
    public void SetupPyrometer()
    {
        var counter = new MetricRegistry().CreateCounter("bench_requests_total", "Requests.");
        _threads = new ThreadPair(() =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Inc();
            }
        });
    }

    [GlobalSetup(Target = nameof(PrometheusNet))]
    public void SetupPrometheusNet()
    {
        var counter = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry()).CreateCounter("bench_requests_total", "Requests.");
        _threads = new ThreadPair(() =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Inc();
            }
        });
    }

    [GlobalSetup(Target = nameof(OpenTelemetry))]
    public void SetupOpenTelemetry()
    {
        _pipeline = new OpenTelemetryPipeline("Pyrometer.Benchmarks.TwoThreads");
        var counter = _pipeline.Meter.CreateCounter<long>("bench.requests");
        counter.Add(1);
        _pipeline.EnsureAggregating();
        _threads = new ThreadPair(() =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Add(1);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _threads.Dispose();
        _pipeline?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Increments)]
    public void Pyrometer() => _threads.Run();

    [Benchmark(OperationsPerInvoke = Increments)]
    public void PrometheusNet() => _threads.Run();

    [Benchmark(OperationsPerInvoke = Increments)]
    public void OpenTelemetry() => _threads.Run();
}
