using Google.Protobuf;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// Encodes label sets once as the repeated <c>LabelPair</c> fields of a <c>Metric</c> or <c>Exemplar</c> (each
/// pair tagged, length-prefixed, name then value), cached on each series, exemplar and registry, so a scrape
/// copies them as they are.
/// </summary>
internal static class LabelPairs
{
    private static readonly EncodingKey<byte[]> Key = new();
    private static readonly Func<MetricSeries, byte[]> EncodeSeries = static series => Encode(series.Collector.ConstLabels, series.LabelNames, series.LabelValues);
    private static readonly Func<Exemplar, byte[]> EncodeExemplar = static exemplar => Encode(exemplar.Labels, [], []);
    private static readonly Func<IReadOnlyList<KeyValuePair<string, string>>, byte[]> EncodeConstLabels = static pairs => Encode(pairs, [], []);

    /// <summary>Gets the collector's const labels followed by the series' labels.</summary>
    public static byte[] Of(MetricSeries series) => series.GetEncoding(Key, EncodeSeries);

    public static byte[] Of(RecordedExemplar exemplar) => exemplar.GetEncoding(Key, EncodeExemplar);

    /// <summary>Gets the registry's const labels, which every metric carries before its series' own.</summary>
    public static byte[] ConstLabelsOf(CollectedMetrics metrics) => metrics.GetConstLabelsEncoding(Key, EncodeConstLabels);

    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> first, IReadOnlyList<string> names, IReadOnlyList<string> values)
    {
        var size = 0;
        foreach (var pair in first)
        {
            size += EntrySize(pair.Key, pair.Value);
        }

        for (var i = 0; i < names.Count; i++)
        {
            size += EntrySize(names[i], values[i]);
        }

        if (size == 0)
        {
            return [];
        }

        var bytes = new byte[size];
        var output = new CodedOutputStream(bytes);
        foreach (var pair in first)
        {
            WriteEntry(output, pair.Key, pair.Value);
        }

        for (var i = 0; i < names.Count; i++)
        {
            WriteEntry(output, names[i], values[i]);
        }

        output.CheckNoSpaceLeft();
        return bytes;
    }

    private static int PairSize(string name, string value) =>
        1 + CodedOutputStream.ComputeStringSize(name) + 1 + CodedOutputStream.ComputeStringSize(value);

    private static int EntrySize(string name, string value)
    {
        var pair = PairSize(name, value);
        return 1 + CodedOutputStream.ComputeLengthSize(pair) + pair;
    }

    private static void WriteEntry(CodedOutputStream output, string name, string value)
    {
        output.WriteRawTag(WireTags.LabelPair);
        output.WriteLength(PairSize(name, value));
        output.WriteRawTag(WireTags.LabelName);
        output.WriteString(name);
        output.WriteRawTag(WireTags.LabelValue);
        output.WriteString(value);
    }
}
