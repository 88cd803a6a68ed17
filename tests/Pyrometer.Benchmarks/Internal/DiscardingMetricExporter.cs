using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Pyrometer.Benchmarks.Internal;

/// <summary>
/// An OpenTelemetry metric exporter that drops what it is given, counting the points of the last export so a
/// run can check that the SDK really aggregated. It only exists so the benchmarks can attach a reader.
/// </summary>
internal sealed class DiscardingMetricExporter : BaseExporter<Metric>
{
    /// <summary>Gets the number of metric points in the last export.</summary>
    public int LastPointCount { get; private set; }

    /// <inheritdoc />
    public override ExportResult Export(in Batch<Metric> batch)
    {
        var points = 0;
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points++;
            }
        }

        LastPointCount = points;
        return ExportResult.Success;
    }
}
