using System.Buffers;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// Histograms: count, sum, the classic cumulative buckets with their upper bounds and exemplars, and the creation
/// time. Native buckets (schema, zero bucket, spans and deltas: fields 5 to 14 and 16 of metrics.proto) are not
/// written yet, as core histograms keep classic buckets only; the two places they go are marked below.
/// </summary>
internal sealed partial class DelimitedProtobufFormat
{
    private static void WriteHistograms(ref ProtoOutput output, FamilyHeader header, byte[] constLabels, SeriesView<HistogramSeries> series)
    {
        var bounds = header.Bounds;
        long[]? rentedCounts = null;
        var counts = bounds.Length <= StackScratch
            ? stackalloc long[StackScratch]
            : (rentedCounts = ArrayPool<long>.Shared.Rent(bounds.Length));
        var exemplars = ArrayPool<RecordedExemplar?>.Shared.Rent(bounds.Length);
        try
        {
            foreach (var histogram in series)
            {
                WriteHistogram(ref output, bounds, constLabels, histogram, counts, exemplars);
            }
        }
        finally
        {
            Array.Clear(exemplars, 0, bounds.Length);
            ArrayPool<RecordedExemplar?>.Shared.Return(exemplars);
            if (rentedCounts is not null)
            {
                ArrayPool<long>.Shared.Return(rentedCounts);
            }
        }
    }

    private static void WriteHistogram(ref ProtoOutput output, double[] bounds, byte[] constLabels, HistogramSeries histogram, scoped Span<long> counts, RecordedExemplar?[] exemplars)
    {
        var labels = LabelPairs.Of(histogram);

        // One snapshot, so the buckets, the count and the sum agree; each exemplar is read once, as sizes depend on it.
        var count = histogram.CopyCumulativeCounts(counts, out var sum);
        var body = WireSizes.Varint((ulong)count) + WireTags.DoubleFieldSize;
        for (var i = 0; i < bounds.Length; i++)
        {
            exemplars[i] = histogram.GetExemplar(i);
            body += WireSizes.Field(BucketSize(counts[i], exemplars[i]));
        }

        // The native-histogram fields will add their size here, from the same snapshot.
        body += TimestampField(histogram.Created);

        output.WriteLength(WireTags.FamilyMetric, constLabels.Length + labels.Length + WireSizes.Field(body));
        output.WriteRaw(constLabels);
        output.WriteRaw(labels);
        output.WriteLength(WireTags.MetricHistogram, body);
        output.WriteVarint(WireTags.HistogramCount, (ulong)count);
        output.WriteDouble(WireTags.HistogramSum, sum);
        for (var i = 0; i < bounds.Length; i++)
        {
            var exemplar = exemplars[i];
            output.WriteLength(WireTags.HistogramBucket, BucketSize(counts[i], exemplar));
            output.WriteVarint(WireTags.BucketCumulativeCount, (ulong)counts[i]);
            output.WriteDouble(WireTags.BucketUpperBound, bounds[i]);
            if (exemplar is not null)
            {
                var exemplarLabels = LabelPairs.Of(exemplar);
                WriteExemplar(ref output, WireTags.BucketExemplar, exemplar, exemplarLabels, WireSizes.Exemplar(exemplar, exemplarLabels));
            }
        }

        // ...and be written here: schema, zero threshold and count, negative and positive spans and deltas.
        WriteTimestamp(ref output, WireTags.HistogramCreated, histogram.Created);
    }

    private static int BucketSize(long cumulativeCount, RecordedExemplar? exemplar) =>
        WireSizes.Varint((ulong)cumulativeCount)
        + WireTags.DoubleFieldSize
        + (exemplar is null ? 0 : WireSizes.Field(WireSizes.Exemplar(exemplar, LabelPairs.Of(exemplar))));
}
