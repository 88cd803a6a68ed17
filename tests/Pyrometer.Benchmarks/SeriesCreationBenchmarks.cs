using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Workload 7: creating one counter with <see cref="SeriesCount"/> series of 2 labels, each incremented once.
/// One operation is the whole population; label values are created in setup so their strings are not counted.
/// Memory kept per series is measured separately by <c>--retained</c> (see README.md).
/// </summary>
/// <remarks>
/// The OpenTelemetry pipeline is disposed after each iteration, outside the measurement: disposing runs a final
/// collection over every point, which is not series creation.
/// </remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SeriesCreationJob]
public class SeriesCreationBenchmarks
{
    public const int SeriesCount = 100_000;

    private string[] _values = null!;
    private OpenTelemetryPipeline? _pipeline;

    [GlobalSetup]
    public void Setup() => _values = SampleValues.LabelValues(SeriesCount);

    [IterationCleanup]
    public void DisposePipeline()
    {
        _pipeline?.Dispose();
        _pipeline = null;
    }

    [Benchmark(Baseline = true)]
    public object Pyrometer() => SeriesPopulation.Pyrometer(_values);

    [Benchmark]
    public object PrometheusNet() => SeriesPopulation.PrometheusNet(_values);

    [Benchmark]
    public object OpenTelemetry() => _pipeline = SeriesPopulation.OpenTelemetry(_values);
}
