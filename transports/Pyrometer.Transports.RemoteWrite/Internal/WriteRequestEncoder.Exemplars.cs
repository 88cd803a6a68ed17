using Pyrometer.Exposition;

namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// Exemplars, when the sender sends them: each one once, in the <c>exemplars</c> field of a <c>TimeSeries</c> with
/// its labels (sorted by name, empty values left out), its value and its timestamp in milliseconds. A counter's
/// and a classic bucket's exemplar ride in the <c>TimeSeries</c> of their sample. A native histogram's go in a
/// <c>TimeSeries</c> of their own right after the histogram's, oldest first: Prometheus' receiver adds a
/// <c>TimeSeries</c>' exemplars before its histograms and drops an exemplar of a series it does not know yet, so
/// in the histogram's own entry the first exemplar of a new series would be lost (Prometheus' own sender, too,
/// sends each exemplar in an entry of its own).
/// </summary>
internal sealed partial class WriteRequestEncoder
{
    private static readonly EncodingKey<byte[]> ExemplarLabelsKey = new();
    private static readonly Func<Exemplar, byte[]> EncodeExemplarLabels = EncodeLabels;
    private static readonly Comparison<RecordedExemplar> OldestFirst = static (a, b) => a.Timestamp.CompareTo(b.Timestamp);

    private readonly SentExemplars _sent = new();
    private readonly List<RecordedExemplar> _nativeExemplars = [];

    private void WriteCountersWithExemplars(SeriesView<CounterSeries> counters, long milliseconds, List<EncodedBatch> batches)
    {
        foreach (var counter in counters)
        {
            var labels = Labels(counter);
            if (_sent.TakeNew(labels, 0, 1, counter.Exemplar) is { } exemplar)
            {
                WriteSampleWithExemplar(labels.Floats[0], counter.Value, milliseconds, exemplar, batches);
            }
            else
            {
                WriteSample(labels.Floats[0], counter.Value, milliseconds, batches);
            }
        }
    }

    /// <summary>Gets a classic bucket's exemplar if it was not sent before, noting it for the native series too when there is one; otherwise null.</summary>
    private RecordedExemplar? BucketExemplar(SeriesLabels labels, HistogramSeries histogram, int bucket, int buckets, bool native)
    {
        if (bucket == 0)
        {
            _nativeExemplars.Clear();
        }

        var exemplar = _sent.TakeNew(labels, bucket, buckets, histogram.GetExemplar(bucket));
        if (exemplar is not null && native)
        {
            _nativeExemplars.Add(exemplar);
        }

        return exemplar;
    }

    private void WriteSampleWithExemplar(byte[] labels, double value, long milliseconds, RecordedExemplar exemplar, List<EncodedBatch> batches)
    {
        var sample = SampleSize(milliseconds);
        var output = new ProtoOutput(_request);
        output.WriteLength(RemoteWireTags.RequestTimeSeries, labels.Length + ProtoSizes.Field(sample) + ProtoSizes.Field(ExemplarSize(exemplar)));
        output.WriteRaw(labels);
        WriteSampleField(ref output, sample, value, milliseconds);
        WriteExemplar(ref output, exemplar);
        output.Flush();
        CountSeries(batches);
    }

    /// <summary>Writes an entry holding only <paramref name="exemplars"/>, oldest first, for the native histogram just written under <paramref name="labels"/>.</summary>
    private void WriteNativeExemplars(byte[] labels, List<RecordedExemplar> exemplars, List<EncodedBatch> batches)
    {
        // Prometheus keeps a series' exemplars in time order and drops one older than the latest it holds.
        exemplars.Sort(OldestFirst);
        var size = labels.Length;
        foreach (var exemplar in exemplars)
        {
            size += ProtoSizes.Field(ExemplarSize(exemplar));
        }

        var output = new ProtoOutput(_request);
        output.WriteLength(RemoteWireTags.RequestTimeSeries, size);
        output.WriteRaw(labels);
        foreach (var exemplar in exemplars)
        {
            WriteExemplar(ref output, exemplar);
        }

        output.Flush();
        exemplars.Clear();
        CountSeries(batches);
    }

    private static void WriteExemplar(ref ProtoOutput output, RecordedExemplar exemplar)
    {
        output.WriteLength(RemoteWireTags.SeriesExemplar, ExemplarSize(exemplar));
        output.WriteRaw(LabelsOf(exemplar));
        output.WriteDouble(RemoteWireTags.ExemplarValue, exemplar.Value);
        output.WriteVarint(RemoteWireTags.ExemplarTimestamp, (ulong)exemplar.Timestamp.ToUnixTimeMilliseconds());
    }

    /// <summary>Gets the content size of an <c>Exemplar</c>: its labels, its value and its timestamp.</summary>
    private static int ExemplarSize(RecordedExemplar exemplar) =>
        LabelsOf(exemplar).Length + ProtoSizes.DoubleFieldSize + ProtoSizes.Varint((ulong)exemplar.Timestamp.ToUnixTimeMilliseconds());

    /// <summary>Gets the exemplar's encoded labels, cached on the <see cref="Exemplar"/> recorded.</summary>
    private static byte[] LabelsOf(RecordedExemplar exemplar) => exemplar.GetEncoding(ExemplarLabelsKey, EncodeExemplarLabels);

    // Sorted by name with empty values left out, as a series' labels are: receivers store them as a label set.
    private static byte[] EncodeLabels(Exemplar exemplar)
    {
        var labels = exemplar.Labels.Where(l => l.Value.Length > 0).ToArray();
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return LabelFields.Encode(labels);
    }
}
