using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Workload 5: observing latencies in a summary with quantiles 0.5 ± 0.05, 0.9 ± 0.01 and 0.99 ± 0.001
/// (10-minute window in 5 age buckets for both), on a series with 2 labels looked up once. OpenTelemetry has
/// no summary instrument, so only prometheus-net is compared.
/// </summary>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class SummaryObserveBenchmarks
{
    private const int Mask = SampleValues.ObservationCount - 1;

    private readonly double[] _values = SampleValues.Latencies();
    private int _next;
    private SummarySeries _pyrometer = null!;
    private Prom.Summary.Child _prometheusNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new SummaryOptions
        {
            LabelNames = ["k1", "k2"],
            Quantiles = [new(0.5, 0.05), new(0.9, 0.01), new(0.99, 0.001)],
            MaxAge = TimeSpan.FromMinutes(10),
            AgeBuckets = 5,
        };
        _pyrometer = new MetricRegistry().CreateSummary("bench_latency_seconds", "Latencies.", options).WithLabels("a", "b");
        _prometheusNet = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry())
            .CreateSummary("bench_latency_seconds", "Latencies.", new Prom.SummaryConfiguration
            {
                LabelNames = ["k1", "k2"],
                Objectives = [new(0.5, 0.05), new(0.9, 0.01), new(0.99, 0.001)],
                MaxAge = TimeSpan.FromMinutes(10),
                AgeBuckets = 5,
            })
            .WithLabels("a", "b");
    }

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.Observe(_values[_next++ & Mask]);

    [Benchmark]
    public void PrometheusNet() => _prometheusNet.Observe(_values[_next++ & Mask]);
}
