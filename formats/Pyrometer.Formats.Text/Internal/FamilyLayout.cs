using System.Text;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// Everything about one collector that a format writes the same way on every scrape, encoded once: the
/// metadata lines, the sample names with their suffixes, and the <c>le</c> or <c>quantile</c> label of each
/// bucket or quantile.
/// </summary>
internal sealed class FamilyLayout
{
    private static readonly byte[][] NoLabels = [];

    /// <param name="collector">The collector described.</param>
    /// <param name="header">The metadata lines, each ending with a line feed.</param>
    /// <param name="familyName">The name the suffixed samples (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>, <c>_created</c>) build on.</param>
    /// <param name="writesCreated">Whether each series gets a <c>_created</c> sample.</param>
    /// <param name="writesSumAndCount">Whether histograms and summaries get <c>_sum</c> and <c>_count</c> samples.</param>
    /// <param name="writesExemplars">Whether counter samples and histogram buckets carry their exemplars.</param>
    /// <param name="sumIsCounter">Whether a <c>_sum</c> must be a counter's value, never negative or NaN (OpenMetrics).</param>
    /// <param name="formatLabelNumber">Renders a bucket bound or quantile as a label value.</param>
    public FamilyLayout(Collector collector, string header, string familyName, bool writesCreated, bool writesSumAndCount, bool writesExemplars, bool sumIsCounter, NumberWriter formatLabelNumber)
    {
        WritesExemplars = writesExemplars;
        SumIsCounter = sumIsCounter;
        Header = Encoding.UTF8.GetBytes(header);
        SampleName = collector.EncodedName;
        BucketName = Encoding.UTF8.GetBytes(familyName + "_bucket");
        SumName = writesSumAndCount ? Encoding.UTF8.GetBytes(familyName + "_sum") : null;
        CountName = writesSumAndCount ? Encoding.UTF8.GetBytes(familyName + "_count") : null;
        CreatedName = writesCreated ? Encoding.UTF8.GetBytes(familyName + "_created") : null;
        ExtraLabels = collector switch
        {
            Histogram histogram => LabelsFor("le", histogram.UpperBounds, formatLabelNumber),
            Summary summary => LabelsFor("quantile", summary.Quantiles.Select(q => q.Quantile).ToArray(), formatLabelNumber),
            _ => NoLabels,
        };
    }

    /// <summary>Renders a number into a span and returns the bytes written.</summary>
    public delegate int NumberWriter(double value, Span<byte> destination);

    public byte[] Header { get; }

    /// <summary>Gets the name of the value sample of counters and gauges, and of the quantile samples of summaries.</summary>
    public ReadOnlyMemory<byte> SampleName { get; }

    public byte[] BucketName { get; }

    /// <summary>Gets the <c>_sum</c> sample name, or null when the format leaves sum and count out.</summary>
    public byte[]? SumName { get; }

    public byte[]? CountName { get; }

    /// <summary>Gets the <c>_created</c> sample name, or null when the format writes no creation time.</summary>
    public byte[]? CreatedName { get; }

    /// <summary>
    /// Gets whether a series' <c>_sum</c> is left out when it is negative or NaN (after negative or NaN observations),
    /// as OpenMetrics requires of a value with counter semantics; a histogram's <c>_count</c> goes with it.
    /// </summary>
    public bool SumIsCounter { get; }

    /// <summary>Gets whether counter samples and histogram buckets are followed by their latest exemplar, if any.</summary>
    public bool WritesExemplars { get; }

    /// <summary>Gets <c>le="…"</c> for each bucket of a histogram, or <c>quantile="…"</c> for each quantile of a summary.</summary>
    public byte[][] ExtraLabels { get; }

    private static byte[][] LabelsFor(string labelName, IReadOnlyList<double> values, NumberWriter format)
    {
        var labels = new byte[values.Count][];
        Span<byte> number = stackalloc byte[NumberFormatter.MaxLength];
        for (var i = 0; i < labels.Length; i++)
        {
            var length = format(values[i], number);
            var label = new byte[labelName.Length + length + 3];
            var at = Encoding.ASCII.GetBytes(labelName, 0, labelName.Length, label, 0);
            label[at++] = (byte)'=';
            label[at++] = (byte)'"';
            number.Slice(0, length).CopyTo(label.AsSpan(at));
            label[^1] = (byte)'"';
            labels[i] = label;
        }

        return labels;
    }
}
