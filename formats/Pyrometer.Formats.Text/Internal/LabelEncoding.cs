using System.Text;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// Encodes label pairs once into the canonical escaped UTF-8 form <c>name="value",name2="value2"</c> (no braces)
/// that both text formats write verbatim, and caches it on each series, exemplar and registry through one
/// <see cref="Exposition.EncodingKey{T}"/> the two formats share.
/// </summary>
internal static class LabelEncoding
{
    private static readonly Exposition.EncodingKey<byte[]> Key = new();
    private static readonly Func<MetricSeries, byte[]> EncodeSeries = static series => Encode(series.Collector.ConstLabels, series.LabelNames, series.LabelValues);
    private static readonly Func<Exemplar, byte[]> EncodeExemplar = static exemplar => Encode(exemplar.Labels, [], []);
    private static readonly Func<IReadOnlyList<KeyValuePair<string, string>>, byte[]> EncodePairs = static pairs => Encode(pairs, [], []);

    /// <summary>Gets the collector's const labels followed by the series' labels; empty when there are none.</summary>
    public static ReadOnlySpan<byte> Of(MetricSeries series) => series.GetEncoding(Key, EncodeSeries);

    public static ReadOnlySpan<byte> Of(RecordedExemplar exemplar) => exemplar.GetEncoding(Key, EncodeExemplar);

    /// <summary>Gets the registry's const labels, which every sample carries before the series' own.</summary>
    public static ReadOnlySpan<byte> ConstLabelsOf(Exposition.CollectedMetrics metrics) => metrics.GetConstLabelsEncoding(Key, EncodePairs);

    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> first, IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        if (first.Count == 0 && names.Count == 0)
        {
            return [];
        }

        var builder = new StringBuilder();
        foreach (var pair in first)
        {
            Append(builder, pair.Key, pair.Value);
        }

        for (var i = 0; i < names.Count; i++)
        {
            Append(builder, names[i], values[i]);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append(',');
        }

        builder.Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
