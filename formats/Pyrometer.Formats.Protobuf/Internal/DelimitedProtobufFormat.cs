using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// The Prometheus protobuf exposition format: one <c>io.prometheus.client.MetricFamily</c> per collector that has
/// series, each prefixed by its length as a varint. Written straight from the registry, without building messages:
/// each family's metrics go to a pooled scratch buffer (their lengths computed from the values read once), then
/// the family's length, its cached header and the scratch bytes go to the output. Label pairs are encoded once per
/// series and cached on it, so a scrape allocates the same few objects whatever the number of series.
/// </summary>
internal sealed partial class DelimitedProtobufFormat : ExpositionFormat
{
    public static readonly DelimitedProtobufFormat Instance = new();

    /// <summary>How much a streaming write buffers before it writes to the stream.</summary>
    internal const int FlushThreshold = 32 * 1024;

    private const string Proto = "io.prometheus.client.MetricFamily";
    private const string Encoding = "delimited";

    private static readonly EncodingKey<FamilyHeader> HeaderKey = new();
    private static readonly Func<Collector, FamilyHeader> CreateHeader = static collector => new FamilyHeader(collector);

    private DelimitedProtobufFormat()
    {
    }

    public override string Name => "protobuf";

    public override string MediaType => "application/vnd.google.protobuf";

    public override string ContentType => "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

    /// <summary>
    /// Below the text formats, so a range such as <c>application/*</c> that covers both OpenMetrics and protobuf
    /// picks OpenMetrics: protobuf is served only to clients that name it.
    /// </summary>
    public override double Quality => 0.5;

    /// <summary>
    /// Satisfies <c>application/vnd.google.protobuf</c> with <c>proto=io.prometheus.client.MetricFamily</c> and
    /// <c>encoding=delimited</c>, in any order and spacing; other parameters (such as <c>escaping</c>) are ignored,
    /// since names are always in the legacy character set.
    /// </summary>
    public override bool Satisfies(MediaRange range)
    {
        Guard.NotNull(range);
        return string.Equals(range.Type, "application", StringComparison.OrdinalIgnoreCase)
            && string.Equals(range.Subtype, "vnd.google.protobuf", StringComparison.OrdinalIgnoreCase)
            && string.Equals(range.GetParameter("proto"), Proto, StringComparison.Ordinal)
            && string.Equals(range.GetParameter("encoding"), Encoding, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        Guard.NotNull(destination);
        using var scratch = new PooledByteBuffer();
        var constLabels = LabelPairs.ConstLabelsOf(metrics);
        foreach (var collector in metrics.Collectors)
        {
            WriteFamily(destination, scratch, constLabels, collector);
        }
    }

    /// <summary>Writes to the stream in chunks of about <see cref="FlushThreshold"/> bytes, a whole family at a time.</summary>
    public override async ValueTask WriteAsync(Stream destination, CollectedMetrics metrics, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(destination);
        using var buffer = new PooledByteBuffer(2 * FlushThreshold);
        using var scratch = new PooledByteBuffer();
        var constLabels = LabelPairs.ConstLabelsOf(metrics);
        var families = metrics.Collectors.Length;
        for (var family = 0; family < families; family++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteFamily(buffer, scratch, constLabels, metrics.Collectors[family]);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await buffer.FlushToAsync(destination, cancellationToken).ConfigureAwait(false);
            }
        }

        await buffer.FlushToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    internal static NotSupportedException Unsupported(Collector collector) =>
        new($"The protobuf format cannot write metric '{collector.Name}' of type {collector.GetType().Name}.");

    private static void WriteFamily(IBufferWriter<byte> destination, PooledByteBuffer scratch, byte[] constLabels, Collector collector)
    {
        if (collector.SeriesCount == 0)
        {
            // A family without metrics says nothing; Prometheus' own clients leave such families out too.
            return;
        }

        var header = collector.GetEncoding(HeaderKey, CreateHeader);
        scratch.Clear();
        var metrics = new ProtoOutput(scratch);
        switch (collector)
        {
            case Collector<CounterSeries> counter: WriteCounters(ref metrics, constLabels, counter.Series); break;
            case Collector<GaugeSeries> gauge: WriteGauges(ref metrics, constLabels, gauge.Series); break;
            case Collector<HistogramSeries> histogram: WriteHistograms(ref metrics, header, constLabels, histogram.Series); break;
            case Collector<SummarySeries> summary: WriteSummaries(ref metrics, header, constLabels, summary.Series); break;
            default: throw Unsupported(collector);
        }

        metrics.Flush();
        if (scratch.WrittenCount == 0)
        {
            return;
        }

        var output = new ProtoOutput(destination);
        output.WriteVarint((uint)(header.Bytes.Length + scratch.WrittenCount));
        output.WriteRaw(header.Bytes);
        output.WriteRaw(scratch.WrittenSpan);
        output.Flush();
    }

    private static void WriteTimestamp(ref ProtoOutput output, byte tag, DateTimeOffset time)
    {
        var (seconds, nanos) = WireSizes.UnixTime(time);
        output.WriteLength(tag, WireSizes.Timestamp(seconds, nanos));
        if (seconds != 0)
        {
            output.WriteVarint(WireTags.TimestampSeconds, (ulong)seconds);
        }

        if (nanos != 0)
        {
            output.WriteVarint(WireTags.TimestampNanos, (ulong)nanos);
        }
    }

    private static int TimestampField(DateTimeOffset time)
    {
        var (seconds, nanos) = WireSizes.UnixTime(time);
        return WireSizes.Field(WireSizes.Timestamp(seconds, nanos));
    }

    private static void WriteExemplar(ref ProtoOutput output, byte tag, RecordedExemplar exemplar, byte[] labels, int size)
    {
        output.WriteLength(tag, size);
        WriteExemplarContent(ref output, exemplar, labels);
    }

    private static void WriteExemplarContent(ref ProtoOutput output, RecordedExemplar exemplar, byte[] labels)
    {
        output.WriteRaw(labels);
        output.WriteDouble(WireTags.ExemplarValue, exemplar.Value);
        WriteTimestamp(ref output, WireTags.ExemplarTimestamp, exemplar.Timestamp);
    }
}
