using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Metrics;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Workload 4: observing values that hit every bucket of the default layout (.005 … 10 and +Inf) on a series
/// with 2 labels looked up once; <c>PyrometerNative</c> observes the same values into a native-only histogram
/// (default schema 5, 160-bucket limit), which no peer offers.
/// </summary>
/// <remarks>
/// OpenTelemetry gets the same bucket boundaries through a view (its own defaults differ) and, lacking bound
/// instruments, two tag pairs built once.
/// </remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SharedMachineJob]
public class HistogramObserveBenchmarks
{
    private const int Mask = SampleValues.ObservationCount - 1;
    private static readonly KeyValuePair<string, object?> Tag1 = new("k1", "a");
    private static readonly KeyValuePair<string, object?> Tag2 = new("k2", "b");

    private readonly double[] _values = SampleValues.AcrossBuckets(Buckets.Default);
    private int _next;
    private HistogramSeries _pyrometer = null!;
    private HistogramSeries _pyrometerNative = null!;
    private Prom.Histogram.Child _prometheusNet = null!;
    private OpenTelemetryPipeline _pipeline = null!;
    private Histogram<double> _openTelemetry = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bounds = Buckets.Default.ToArray();
        _pyrometer = new MetricRegistry().CreateHistogram("bench_duration_seconds", "Durations.", "k1", "k2").WithLabels("a", "b");
        _pyrometerNative = new MetricRegistry()
            .CreateHistogram("bench_duration_seconds", "Durations.", new HistogramOptions { LabelNames = ["k1", "k2"], Native = new() })
            .WithLabels("a", "b");
        foreach (var value in _values)
        {
            _pyrometerNative.Observe(value);
        }

        _prometheusNet = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry())
            .CreateHistogram("bench_duration_seconds", "Durations.", new Prom.HistogramConfiguration { LabelNames = ["k1", "k2"], Buckets = bounds })
            .WithLabels("a", "b");
        _pipeline = new OpenTelemetryPipeline(
            "Pyrometer.Benchmarks.Histogram",
            builder => builder.AddView("bench.duration", new ExplicitBucketHistogramConfiguration { Boundaries = bounds }));
        _openTelemetry = _pipeline.Meter.CreateHistogram<double>("bench.duration", "s");
        _openTelemetry.Record(1, Tag1, Tag2);
        _pipeline.EnsureAggregating();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true)]
    public void Pyrometer() => _pyrometer.Observe(_values[_next++ & Mask]);

    [Benchmark]
    public void PyrometerNative() => _pyrometerNative.Observe(_values[_next++ & Mask]);

    [Benchmark]
    public void PrometheusNet() => _prometheusNet.Observe(_values[_next++ & Mask]);

    [Benchmark]
    public void OpenTelemetry() => _openTelemetry.Record(_values[_next++ & Mask], Tag1, Tag2);
}
