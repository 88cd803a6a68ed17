using System.Buffers;

namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// One <c>Metric</c> per series. Each reads its values once (histograms and summaries as one consistent
/// snapshot), computes the message's length from them, then writes it.
/// </summary>
internal sealed partial class DelimitedProtobufFormat
{
    // Summaries rarely have more quantiles than this; larger ones rent their scratch.
    private const int StackScratch = 64;

    // Quantile{1 quantile, 2 value}: two double fields.
    private const int QuantileSize = 2 * WireTags.DoubleFieldSize;

    private static void WriteCounters(ref ProtoOutput output, byte[] constLabels, SeriesView<CounterSeries> series)
    {
        foreach (var counter in series)
        {
            var labels = LabelPairs.Of(counter);
            var value = counter.Value;
            var exemplar = counter.Exemplar;
            var exemplarLabels = exemplar is null ? [] : LabelPairs.Of(exemplar);
            var exemplarSize = exemplar is null ? 0 : WireSizes.Exemplar(exemplar, exemplarLabels);
            var body = WireTags.DoubleFieldSize
                + (exemplar is null ? 0 : WireSizes.Field(exemplarSize))
                + TimestampField(counter.Created);

            output.WriteLength(WireTags.FamilyMetric, constLabels.Length + labels.Length + WireSizes.Field(body));
            output.WriteRaw(constLabels);
            output.WriteRaw(labels);
            output.WriteLength(WireTags.MetricCounter, body);
            output.WriteDouble(WireTags.CounterValue, value);
            if (exemplar is not null)
            {
                WriteExemplar(ref output, WireTags.CounterExemplar, exemplar, exemplarLabels, exemplarSize);
            }

            WriteTimestamp(ref output, WireTags.CounterCreated, counter.Created);
        }
    }

    private static void WriteGauges(ref ProtoOutput output, byte[] constLabels, SeriesView<GaugeSeries> series)
    {
        foreach (var gauge in series)
        {
            var labels = LabelPairs.Of(gauge);
            output.WriteLength(WireTags.FamilyMetric, constLabels.Length + labels.Length + WireSizes.Field(WireTags.DoubleFieldSize));
            output.WriteRaw(constLabels);
            output.WriteRaw(labels);
            output.WriteLength(WireTags.MetricGauge, WireTags.DoubleFieldSize);
            output.WriteDouble(WireTags.GaugeValue, gauge.Value);
        }
    }

    private static void WriteSummaries(ref ProtoOutput output, FamilyHeader header, byte[] constLabels, SeriesView<SummarySeries> series)
    {
        var quantiles = header.Bounds;
        double[]? rented = null;
        var values = quantiles.Length <= StackScratch
            ? stackalloc double[StackScratch]
            : (rented = ArrayPool<double>.Shared.Rent(quantiles.Length));
        try
        {
            foreach (var summary in series)
            {
                var labels = LabelPairs.Of(summary);
                var count = summary.GetSnapshot(values, out var sum);
                var body = WireSizes.Varint((ulong)count)
                    + WireTags.DoubleFieldSize
                    + (quantiles.Length * WireSizes.Field(QuantileSize))
                    + TimestampField(summary.Created);

                output.WriteLength(WireTags.FamilyMetric, constLabels.Length + labels.Length + WireSizes.Field(body));
                output.WriteRaw(constLabels);
                output.WriteRaw(labels);
                output.WriteLength(WireTags.MetricSummary, body);
                output.WriteVarint(WireTags.SummaryCount, (ulong)count);
                output.WriteDouble(WireTags.SummarySum, sum);
                for (var i = 0; i < quantiles.Length; i++)
                {
                    output.WriteLength(WireTags.SummaryQuantile, QuantileSize);
                    output.WriteDouble(WireTags.QuantileQuantile, quantiles[i]);
                    output.WriteDouble(WireTags.QuantileValue, values[i]);
                }

                WriteTimestamp(ref output, WireTags.SummaryCreated, summary.Created);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
