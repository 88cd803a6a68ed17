using BenchmarkDotNet.Attributes;
using Pyrometer.Benchmarks.Internal;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Workload 8: removing <see cref="SeriesCount"/> series of 2 labels one by one, in creation order, from a counter
/// that holds them all. One operation is the whole sequence of removals; the counter and its series are created
/// before each iteration, outside the measurement, and the label values once in global setup.
/// </summary>
/// <remarks>
/// Pyrometer calls <c>RemoveLabels(value, "b")</c>, prometheus-net <c>RemoveLabelled(value, "b")</c>.
/// OpenTelemetry is not measured: its instruments have no API to remove one series (a point ages out only with
/// delta temporality or when the whole meter provider goes).
/// </remarks>
[BenchmarkCategory(Categories.Core)]
[MemoryDiagnoser]
[MedianColumn]
[SeriesCreationJob]
public class SeriesRemovalBenchmarks
{
    public const int SeriesCount = 50_000;

    private string[] _values = null!;
    private Counter? _pyrometer;
    private Prom.Counter? _prometheusNet;

    [GlobalSetup]
    public void Setup() => _values = SampleValues.LabelValues(SeriesCount);

    [IterationSetup(Target = nameof(Pyrometer))]
    public void CreatePyrometerSeries() => _pyrometer = SeriesPopulation.Pyrometer(_values);

    [IterationSetup(Target = nameof(PrometheusNet))]
    public void CreatePrometheusNetSeries() => _prometheusNet = SeriesPopulation.PrometheusNet(_values);

    [Benchmark(Baseline = true)]
    public int Pyrometer()
    {
        var counter = _pyrometer!;
        foreach (var value in _values)
        {
            counter.RemoveLabels(value, "b");
        }

        return counter.SeriesCount;
    }

    [Benchmark]
    public object PrometheusNet()
    {
        var counter = _prometheusNet!;
        foreach (var value in _values)
        {
            counter.RemoveLabelled(value, "b");
        }

        return counter;
    }
}
