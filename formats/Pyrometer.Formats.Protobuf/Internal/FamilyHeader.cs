using Google.Protobuf;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// What a <c>MetricFamily</c> repeats on every scrape, encoded once per collector: the name, help, type and unit
/// fields, and the bucket upper bounds or quantiles its metrics carry.
/// </summary>
internal sealed class FamilyHeader
{
    public FamilyHeader(Collector collector)
    {
        var unit = collector.Unit;
        var size = 1 + CodedOutputStream.ComputeStringSize(collector.Name)
            + 1 + CodedOutputStream.ComputeStringSize(collector.Help)
            + 1 + CodedOutputStream.ComputeEnumSize(TypeNumber(collector.Type))
            + (unit is null ? 0 : 1 + CodedOutputStream.ComputeStringSize(unit));
        Bytes = new byte[size];
        var output = new CodedOutputStream(Bytes);
        output.WriteRawTag(WireTags.FamilyName);
        output.WriteString(collector.Name);
        output.WriteRawTag(WireTags.FamilyHelp);
        output.WriteString(collector.Help);
        output.WriteRawTag(WireTags.FamilyType);
        output.WriteEnum(TypeNumber(collector.Type));
        if (unit is not null)
        {
            output.WriteRawTag(WireTags.FamilyUnit);
            output.WriteString(unit);
        }

        output.CheckNoSpaceLeft();
        Bounds = collector switch
        {
            Histogram { HasClassicBuckets: true } histogram => [.. histogram.UpperBounds],
            Summary summary => summary.Quantiles.Select(q => q.Quantile).ToArray(),
            _ => [],
        };
    }

    /// <summary>Gets the encoded name, help, type and unit fields.</summary>
    public byte[] Bytes { get; }

    /// <summary>Gets a classic histogram's bucket upper bounds (the last is +Inf) or a summary's quantiles; empty otherwise (a native-only histogram writes no classic bucket).</summary>
    public double[] Bounds { get; }

    /// <summary>Gets the <c>MetricType</c> number of metrics.proto.</summary>
    private static int TypeNumber(MetricType type) => type switch
    {
        MetricType.Counter => 0,
        MetricType.Gauge => 1,
        MetricType.Summary => 2,
        MetricType.Histogram => 4,
        _ => throw new NotSupportedException($"The protobuf format cannot write metrics of type {type}."),
    };
}
