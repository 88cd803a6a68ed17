using OpenTelemetry.Metrics;
using Prom = Prometheus;

namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// Creates one counter with one series per label value (labels <c>k1</c> = the value, <c>k2</c> = "b"), each
/// incremented once, in each library. Shared by the series-creation benchmark and the retained-memory mode.
/// </summary>
internal static class SeriesPopulation
{
    public const string OpenTelemetryMeterName = "Pyrometer.Benchmarks.Series";

    public static Counter Pyrometer(string[] values)
    {
        var counter = new MetricRegistry().CreateCounter("bench_series_total", "Series.", "k1", "k2");
        foreach (var value in values)
        {
            counter.WithLabels(value, "b").Inc();
        }

        return counter;
    }

    public static Prom.Counter PrometheusNet(string[] values)
    {
        var counter = Prom.Metrics.WithCustomRegistry(Prom.Metrics.NewCustomRegistry()).CreateCounter("bench_series_total", "Series.", "k1", "k2");
        foreach (var value in values)
        {
            counter.WithLabels(value, "b").Inc();
        }

        return counter;
    }

    /// <remarks>
    /// The SDK keeps at most 2000 points per metric by default, so a view raises the limit to the number of
    /// series; the SDK sizes its point storage from that limit when the instrument is created.
    /// </remarks>
    public static OpenTelemetryPipeline OpenTelemetry(string[] values)
    {
        var pipeline = new OpenTelemetryPipeline(
            OpenTelemetryMeterName,
            builder => builder.AddView("bench.series", new MetricStreamConfiguration { CardinalityLimit = values.Length }));
        var counter = pipeline.Meter.CreateCounter<long>("bench.series");
        foreach (var value in values)
        {
            counter.Add(1, new("k1", value), new("k2", "b"));
        }

        return pipeline;
    }
}
