using System.Buffers;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// Histograms: count, sum, the classic cumulative buckets with their upper bounds and exemplars, the native
/// buckets (schema, zero bucket, spans and deltas of each side) and the creation time, all from one consistent
/// snapshot per series. A classic histogram writes no native field; a native-only one no classic bucket; one with
/// both writes both in the same message. A native-only histogram's exemplar (kept on its one +Inf bucket) goes in
/// the native <c>exemplars</c> field; a histogram with classic buckets keeps its exemplars on them.
/// </summary>
internal sealed partial class DelimitedProtobufFormat
{
    // One snapshot per thread, taken and put back around each family, so scrapes reuse its buffers.
    [ThreadStatic]
    private static HistogramSnapshot? t_snapshot;

    private static void WriteHistograms(ref ProtoOutput output, FamilyHeader header, byte[] constLabels, SeriesView<HistogramSeries> series)
    {
        var bounds = header.Bounds;
        var snapshot = t_snapshot ?? new HistogramSnapshot();
        t_snapshot = null;
        var exemplars = ArrayPool<RecordedExemplar?>.Shared.Rent(bounds.Length);
        try
        {
            foreach (var histogram in series)
            {
                WriteHistogram(ref output, bounds, constLabels, histogram, snapshot, exemplars);
            }
        }
        finally
        {
            Array.Clear(exemplars, 0, bounds.Length);
            ArrayPool<RecordedExemplar?>.Shared.Return(exemplars);
            t_snapshot = snapshot;
        }
    }

    private static void WriteHistogram(ref ProtoOutput output, double[] bounds, byte[] constLabels, HistogramSeries histogram, HistogramSnapshot snapshot, RecordedExemplar?[] exemplars)
    {
        var labels = LabelPairs.Of(histogram);

        // One snapshot, so the buckets, the count and the sum agree; each exemplar is read once, as sizes depend on it.
        histogram.CopySnapshot(snapshot);
        var counts = snapshot.CumulativeCounts;
        var body = WireSizes.Varint((ulong)snapshot.Count) + WireTags.DoubleFieldSize;
        for (var i = 0; i < bounds.Length; i++)
        {
            exemplars[i] = histogram.GetExemplar(i);
            body += WireSizes.Field(BucketSize(counts[i], exemplars[i]));
        }

        var nativeExemplar = bounds.Length == 0 && snapshot.HasNativeBuckets ? histogram.GetExemplar(0) : null;
        var nativeExemplarLabels = nativeExemplar is null ? [] : LabelPairs.Of(nativeExemplar);
        var nativeExemplarSize = nativeExemplar is null ? 0 : WireSizes.Exemplar(nativeExemplar, nativeExemplarLabels);
        body += NativeSize(snapshot) + TimestampField(histogram.Created)
            + (nativeExemplar is null ? 0 : WireTags.HistogramExemplars.Length - 1 + WireSizes.Field(nativeExemplarSize));

        output.WriteLength(WireTags.FamilyMetric, constLabels.Length + labels.Length + WireSizes.Field(body));
        output.WriteRaw(constLabels);
        output.WriteRaw(labels);
        output.WriteLength(WireTags.MetricHistogram, body);
        output.WriteVarint(WireTags.HistogramCount, (ulong)snapshot.Count);
        output.WriteDouble(WireTags.HistogramSum, snapshot.Sum);
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

        WriteNative(ref output, snapshot);
        WriteTimestamp(ref output, WireTags.HistogramCreated, histogram.Created);
        if (nativeExemplar is not null)
        {
            output.WriteRaw(WireTags.HistogramExemplars);
            output.WriteVarint((uint)nativeExemplarSize);
            WriteExemplarContent(ref output, nativeExemplar, nativeExemplarLabels);
        }
    }

    private static int BucketSize(long cumulativeCount, RecordedExemplar? exemplar) =>
        WireSizes.Varint((ulong)cumulativeCount)
        + WireTags.DoubleFieldSize
        + (exemplar is null ? 0 : WireSizes.Field(WireSizes.Exemplar(exemplar, LabelPairs.Of(exemplar))));

    /// <summary>Gets the size of the native fields: schema, zero threshold and count, then each side's spans and deltas.</summary>
    private static int NativeSize(HistogramSnapshot snapshot)
    {
        if (!snapshot.HasNativeBuckets)
        {
            return 0;
        }

        var size = WireSizes.Varint(NativeSpans.ZigZag(snapshot.Schema))
            + WireTags.DoubleFieldSize
            + WireSizes.Varint((ulong)snapshot.ZeroCount)
            + NativeSpans.Size(snapshot.NegativeBuckets)
            + NativeSpans.Size(snapshot.PositiveBuckets);
        return HasNoBuckets(snapshot) ? size + NativeSpans.NoOpSize : size;
    }

    private static void WriteNative(ref ProtoOutput output, HistogramSnapshot snapshot)
    {
        if (!snapshot.HasNativeBuckets)
        {
            return;
        }

        output.WriteVarint(WireTags.HistogramSchema, NativeSpans.ZigZag(snapshot.Schema));
        output.WriteDouble(WireTags.HistogramZeroThreshold, snapshot.ZeroThreshold);
        output.WriteVarint(WireTags.HistogramZeroCount, (ulong)snapshot.ZeroCount);
        NativeSpans.Write(ref output, WireTags.HistogramNegativeSpan, WireTags.HistogramNegativeDelta, snapshot.NegativeBuckets);
        if (HasNoBuckets(snapshot))
        {
            // Without a span Prometheus would take the histogram for a classic one.
            NativeSpans.WriteNoOp(ref output, WireTags.HistogramPositiveSpan);
        }

        NativeSpans.Write(ref output, WireTags.HistogramPositiveSpan, WireTags.HistogramPositiveDelta, snapshot.PositiveBuckets);
    }

    private static bool HasNoBuckets(HistogramSnapshot snapshot) => snapshot.NegativeBuckets.IsEmpty && snapshot.PositiveBuckets.IsEmpty;
}
