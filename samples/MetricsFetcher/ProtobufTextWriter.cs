using System.Globalization;
using System.Text;
using Google.Protobuf;
using Pyrometer.Formats.Protobuf.Schema;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>
/// Decodes delimited <c>io.prometheus.client.MetricFamily</c> messages (the types generated from
/// Pyrometer.Formats.Protobuf's metrics.proto) and writes them in the Prometheus text format 0.0.4, so a person can
/// read a protobuf scrape. What that format cannot show is left out (created timestamps, exemplars), except native
/// histogram buckets, which are shown in a comment line after their series.
/// </summary>
internal static class ProtobufTextWriter
{
    /// <exception cref="InvalidProtocolBufferException">The body is not delimited MetricFamily messages.</exception>
    /// <exception cref="FormatException">A family has no name.</exception>
    public static string Write(byte[] body)
    {
        var text = new StringBuilder();
        var input = new CodedInputStream(body);
        while (!input.IsAtEnd)
        {
            var family = new MetricFamily();
            input.ReadMessage(family);
            WriteFamily(text, family);
        }

        return text.ToString();
    }

    private static void WriteFamily(StringBuilder text, MetricFamily family)
    {
        if (string.IsNullOrEmpty(family.Name))
        {
            throw new FormatException("a MetricFamily has no name");
        }

        var name = family.Name;
        if (family.HasHelp)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(family.Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('\n');
        }

        text.Append("# TYPE ").Append(name).Append(' ').Append(TypeName(family.Type)).Append('\n');
        foreach (var metric in family.Metric)
        {
            var labels = metric.Label;
            var timestamp = metric.HasTimestampMs ? " " + metric.TimestampMs.ToString(CultureInfo.InvariantCulture) : string.Empty;
            switch (family.Type)
            {
                case MetricType.Counter:
                    Sample(text, name, labels, null, metric.Counter?.Value ?? 0, timestamp);
                    break;
                case MetricType.Gauge:
                    Sample(text, name, labels, null, metric.Gauge?.Value ?? 0, timestamp);
                    break;
                case MetricType.Summary:
                    var summary = metric.Summary ?? new Summary();
                    foreach (var quantile in summary.Quantile)
                    {
                        Sample(text, name, labels, ("quantile", Number(quantile.Quantile_)), quantile.Value, timestamp);
                    }

                    Sample(text, name + "_sum", labels, null, summary.SampleSum, timestamp);
                    Sample(text, name + "_count", labels, null, summary.SampleCount, timestamp);
                    break;
                case MetricType.Histogram or MetricType.GaugeHistogram:
                    WriteHistogram(text, name, labels, metric.Histogram ?? new Histogram(), timestamp);
                    break;
                default:
                    Sample(text, name, labels, null, metric.Untyped?.Value ?? 0, timestamp);
                    break;
            }
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, IList<LabelPair> labels, Histogram histogram, string timestamp)
    {
        var count = histogram.HasSampleCountFloat ? histogram.SampleCountFloat : histogram.SampleCount;
        var hasInf = false;
        foreach (var bucket in histogram.Bucket)
        {
            hasInf |= double.IsPositiveInfinity(bucket.UpperBound);
            var cumulative = bucket.HasCumulativeCountFloat ? bucket.CumulativeCountFloat : bucket.CumulativeCount;
            Sample(text, name + "_bucket", labels, ("le", Number(bucket.UpperBound)), cumulative, timestamp);
        }

        if (!hasInf)
        {
            Sample(text, name + "_bucket", labels, ("le", "+Inf"), count, timestamp);
        }

        Sample(text, name + "_sum", labels, null, histogram.SampleSum, timestamp);
        Sample(text, name + "_count", labels, null, count, timestamp);
        if (histogram.HasSchema)
        {
            NativeBuckets.Describe(text, name, FormatLabels(labels, null), histogram);
        }
    }

    private static void Sample(StringBuilder text, string name, IList<LabelPair> labels, (string Name, string Value)? extra, double value, string timestamp) =>
        text.Append(name).Append(FormatLabels(labels, extra)).Append(' ').Append(Number(value)).Append(timestamp).Append('\n');

    private static string FormatLabels(IList<LabelPair> labels, (string Name, string Value)? extra)
    {
        if (labels.Count == 0 && extra is null)
        {
            return string.Empty;
        }

        var pairs = labels.Select(label => (label.Name, label.Value)).ToList();
        if (extra is { } added)
        {
            pairs.Add(added);
        }

        return "{" + string.Join(',', pairs.Select(pair => $"{pair.Name}=\"{Escape(pair.Value)}\"")) + "}";
    }

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A number as the text format writes it: NaN, +Inf, -Inf, or the shortest round-tripping decimal.</summary>
    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Summary => "summary",
        MetricType.Histogram or MetricType.GaugeHistogram => "histogram",
        _ => "untyped",
    };
}
