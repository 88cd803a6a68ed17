using System.Text;

namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// Builds the complete, sorted label sets of the remote-write series a registry series expands into:
/// <c>__name__</c>, the external labels, the registry's and the collector's const labels, the series' labels and
/// <c>le</c> or <c>quantile</c>, sorted by name (ordinal), empty values left out, a name given twice rejected.
/// </summary>
internal sealed class LabelSetBuilder
{
    private const string NameLabel = "__name__";
    private readonly KeyValuePair<string, string>[] _external;

    public LabelSetBuilder(IEnumerable<KeyValuePair<string, string>> externalLabels)
    {
        _external = [.. externalLabels];
    }

    public SeriesLabels Build(MetricSeries series, IReadOnlyList<KeyValuePair<string, string>> registryLabels)
    {
        var collector = series.Collector;
        var common = Common(series, registryLabels);
        var name = collector.Name;
        switch (collector)
        {
            case Histogram histogram:
                var floats = new List<byte[]>();
                if (histogram.HasClassicBuckets)
                {
                    foreach (var bound in histogram.UpperBounds)
                    {
                        floats.Add(Encode(common, name + "_bucket", "le", Format(bound)));
                    }

                    floats.Add(Encode(common, name + "_sum"));
                    floats.Add(Encode(common, name + "_count"));
                }

                return new SeriesLabels([.. floats], histogram.HasNativeBuckets ? Encode(common, name) : null);
            case Summary summary:
                var quantiles = summary.Quantiles;
                var entries = new byte[quantiles.Count + 2][];
                for (var i = 0; i < quantiles.Count; i++)
                {
                    entries[i] = Encode(common, name, "quantile", Format(quantiles[i].Quantile));
                }

                entries[quantiles.Count] = Encode(common, name + "_sum");
                entries[quantiles.Count + 1] = Encode(common, name + "_count");
                return new SeriesLabels(entries, null);
            default:
                return new SeriesLabels([Encode(common, name)], null);
        }
    }

    // The labels every expanded series shares, checked for names given twice.
    private List<KeyValuePair<string, string>> Common(MetricSeries series, IReadOnlyList<KeyValuePair<string, string>> registryLabels)
    {
        var collector = series.Collector;
        var labels = new List<KeyValuePair<string, string>>(_external.Length + registryLabels.Count + collector.ConstLabels.Count + series.LabelNames.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in _external)
        {
            Add(labels, seen, label, "an external label of the remote-write sender");
        }

        foreach (var label in registryLabels)
        {
            Add(labels, seen, label, "a const label of the registry");
        }

        foreach (var label in collector.ConstLabels)
        {
            Add(labels, seen, label, $"a const label of metric '{collector.Name}'");
        }

        for (var i = 0; i < series.LabelNames.Count; i++)
        {
            Add(labels, seen, new KeyValuePair<string, string>(series.LabelNames[i], series.LabelValues[i]), $"a label of metric '{collector.Name}'");
        }

        return labels;
    }

    private static void Add(List<KeyValuePair<string, string>> labels, Dictionary<string, string> seen, KeyValuePair<string, string> label, string source)
    {
        if (seen.TryGetValue(label.Key, out var first))
        {
            throw new InvalidOperationException(
                $"The label '{label.Key}' is both {first} and {source}: remote write sends each label once, so rename one of them or remove it from the sender's ExternalLabels.");
        }

        seen.Add(label.Key, source);
        if (label.Value.Length > 0)
        {
            // Remote write forbids empty values; an empty label is the same as no label in Prometheus.
            labels.Add(label);
        }
    }

    private static byte[] Encode(List<KeyValuePair<string, string>> common, string name, string? extraName = null, string? extraValue = null)
    {
        var labels = new KeyValuePair<string, string>[common.Count + (extraName is null ? 1 : 2)];
        common.CopyTo(labels);
        labels[common.Count] = new KeyValuePair<string, string>(NameLabel, name);
        if (extraName is not null)
        {
            labels[common.Count + 1] = new KeyValuePair<string, string>(extraName, extraValue!);
        }

        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return LabelFields.Encode(labels);
    }

    // As the text format writes le and quantile, so the series are those a scrape would store.
    private static string Format(double value)
    {
        Span<byte> text = stackalloc byte[NumberFormatter.MaxLength];
        var length = NumberFormatter.FormatDouble(value, text);
        return Encoding.ASCII.GetString(text.Slice(0, length).ToArray());
    }
}
