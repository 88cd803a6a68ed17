namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// Histograms and summaries, each read as one consistent snapshot: a classic histogram's cumulative
/// <c>_bucket</c> samples, <c>_sum</c> and <c>_count</c>; a native histogram as one <c>Histogram</c> sample with
/// integer counts, its schema, zero bucket and both sides' spans and deltas; a summary's quantiles, <c>_sum</c> and
/// <c>_count</c>. A classic bucket's new exemplar goes on its <c>_bucket</c> series; a native histogram's series gets
/// the new exemplars of the whole histogram (a native-only one keeps one; one with classic buckets, those of its
/// buckets, which Prometheus also attaches to the native series when it scrapes such a histogram).
/// </summary>
internal sealed partial class WriteRequestEncoder
{
    private void WriteHistogram(SeriesLabels labels, HistogramSeries histogram, long milliseconds, List<EncodedBatch> batches)
    {
        histogram.CopySnapshot(_snapshot);
        var floats = labels.Floats;
        var native = labels.Native is not null && _snapshot.HasNativeBuckets ? labels.Native : null;
        if (floats.Length > 0)
        {
            var counts = _snapshot.CumulativeCounts;
            for (var i = 0; i < counts.Length; i++)
            {
                if (_sendExemplars && BucketExemplar(labels, histogram, i, counts.Length, native is not null) is { } exemplar)
                {
                    WriteSampleWithExemplar(floats[i], counts[i], milliseconds, exemplar, batches);
                }
                else
                {
                    WriteSample(floats[i], counts[i], milliseconds, batches);
                }
            }

            WriteSample(floats[counts.Length], _snapshot.Sum, milliseconds, batches);
            WriteSample(floats[counts.Length + 1], _snapshot.Count, milliseconds, batches);
        }

        if (native is not null)
        {
            // A native-only histogram keeps its one exemplar in the slot of its one (+Inf) bucket.
            if (_sendExemplars && floats.Length == 0 && _sent.TakeNew(labels, 0, 1, histogram.GetExemplar(0)) is { } exemplar)
            {
                _nativeExemplars.Add(exemplar);
            }

            WriteNative(native, milliseconds, batches);
            if (_nativeExemplars.Count > 0)
            {
                WriteNativeExemplars(native, _nativeExemplars, batches);
            }
        }
    }

    private void WriteNative(byte[] labels, long milliseconds, List<EncodedBatch> batches)
    {
        var snapshot = _snapshot;
        var body = ProtoSizes.Varint((ulong)snapshot.Count)
            + ProtoSizes.DoubleFieldSize
            + ProtoSizes.Varint(NativeSpans.ZigZag(snapshot.Schema))
            + ProtoSizes.DoubleFieldSize
            + ProtoSizes.Varint((ulong)snapshot.ZeroCount)
            + NativeSpans.Size(snapshot.NegativeBuckets)
            + NativeSpans.Size(snapshot.PositiveBuckets)
            + ProtoSizes.Varint((ulong)milliseconds);
        var output = new ProtoOutput(_request);
        output.WriteLength(RemoteWireTags.RequestTimeSeries, labels.Length + ProtoSizes.Field(body));
        output.WriteRaw(labels);
        output.WriteLength(RemoteWireTags.SeriesHistogram, body);
        output.WriteVarint(RemoteWireTags.HistogramCountInt, (ulong)snapshot.Count);
        output.WriteDouble(RemoteWireTags.HistogramSum, snapshot.Sum);
        output.WriteVarint(RemoteWireTags.HistogramSchema, NativeSpans.ZigZag(snapshot.Schema));
        output.WriteDouble(RemoteWireTags.HistogramZeroThreshold, snapshot.ZeroThreshold);
        output.WriteVarint(RemoteWireTags.HistogramZeroCountInt, (ulong)snapshot.ZeroCount);
        NativeSpans.Write(ref output, RemoteWireTags.HistogramNegativeSpans, RemoteWireTags.HistogramNegativeDeltas, snapshot.NegativeBuckets);
        NativeSpans.Write(ref output, RemoteWireTags.HistogramPositiveSpans, RemoteWireTags.HistogramPositiveDeltas, snapshot.PositiveBuckets);
        output.WriteVarint(RemoteWireTags.HistogramTimestamp, (ulong)milliseconds);
        output.Flush();
        CountSeries(batches);
    }

    // A native histogram's stale marker: a histogram sample whose sum is the stale NaN.
    private void WriteStaleHistogram(byte[] labels, long milliseconds, List<EncodedBatch> batches)
    {
        var body = ProtoSizes.Varint(0) + ProtoSizes.DoubleFieldSize + ProtoSizes.Varint((ulong)milliseconds);
        var output = new ProtoOutput(_request);
        output.WriteLength(RemoteWireTags.RequestTimeSeries, labels.Length + ProtoSizes.Field(body));
        output.WriteRaw(labels);
        output.WriteLength(RemoteWireTags.SeriesHistogram, body);
        output.WriteVarint(RemoteWireTags.HistogramCountInt, 0);
        output.WriteDouble(RemoteWireTags.HistogramSum, StaleNaN);
        output.WriteVarint(RemoteWireTags.HistogramTimestamp, (ulong)milliseconds);
        output.Flush();
        CountSeries(batches);
    }

    private void WriteSummary(SeriesLabels labels, SummarySeries summary, long milliseconds, List<EncodedBatch> batches)
    {
        var floats = labels.Floats;
        var quantiles = floats.Length - 2;
        if (_quantiles.Length < quantiles)
        {
            _quantiles = new double[quantiles];
        }

        var count = summary.GetSnapshot(_quantiles.AsSpan(0, quantiles), out var sum);
        for (var i = 0; i < quantiles; i++)
        {
            WriteSample(floats[i], _quantiles[i], milliseconds, batches);
        }

        WriteSample(floats[quantiles], sum, milliseconds, batches);
        WriteSample(floats[quantiles + 1], count, milliseconds, batches);
    }
}
