using System.Buffers;

namespace Pyrometer.Formats.Text.Internal;

internal abstract partial class TextExpositionFormat
{
    // Histograms and summaries rarely have more buckets or quantiles than this; larger ones rent their scratch.
    private const int StackScratch = 64;

    private static void WriteAll<TSeries>(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, SeriesView<TSeries> series)
        where TSeries : MetricSeries
    {
        foreach (var item in series)
        {
            WriteSeries(ref output, layout, constLabels, item);
        }
    }

    private static void WriteSeries(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, MetricSeries series)
    {
        switch (series)
        {
            case CounterSeries counter:
                WriteName(ref output, layout.SampleName.Span, constLabels, LabelEncoding.Of(counter), default);
                output.WriteDouble(counter.Value);
                if (layout.WritesExemplars)
                {
                    WriteExemplar(ref output, counter.Exemplar);
                }

                output.Write((byte)'\n');
                WriteCreated(ref output, layout, constLabels, counter);
                break;
            case GaugeSeries gauge:
                WriteName(ref output, layout.SampleName.Span, constLabels, LabelEncoding.Of(gauge), default);
                output.WriteDouble(gauge.Value);
                output.Write((byte)'\n');
                break;
            case HistogramSeries histogram:
                WriteHistogram(ref output, layout, constLabels, histogram);
                break;
            case SummarySeries summary:
                WriteSummary(ref output, layout, constLabels, summary);
                break;
            default:
                throw new NotSupportedException($"The text formats cannot write series of type {series.GetType().Name}.");
        }
    }

    private static void WriteHistogram(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, HistogramSeries series)
    {
        var buckets = layout.ExtraLabels;
        long[]? rented = null;
        var counts = buckets.Length <= StackScratch
            ? stackalloc long[StackScratch]
            : (rented = ArrayPool<long>.Shared.Rent(buckets.Length));
        try
        {
            // One snapshot, so the +Inf bucket, the count and the sum agree with each other.
            var count = series.CopyCumulativeCounts(counts, out var sum);
            var labels = LabelEncoding.Of(series);
            for (var i = 0; i < buckets.Length; i++)
            {
                WriteName(ref output, layout.BucketName, constLabels, labels, buckets[i]);
                output.WriteInt64(counts[i]);
                if (layout.WritesExemplars)
                {
                    WriteExemplar(ref output, series.GetExemplar(i));
                }

                output.Write((byte)'\n');
            }

            WriteSumAndCount(ref output, layout, constLabels, labels, sum, count, countNeedsSum: true);
            WriteCreated(ref output, layout, constLabels, series);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    private static void WriteSummary(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, SummarySeries series)
    {
        var quantiles = layout.ExtraLabels;
        double[]? rented = null;
        var values = quantiles.Length <= StackScratch
            ? stackalloc double[StackScratch]
            : (rented = ArrayPool<double>.Shared.Rent(quantiles.Length));
        try
        {
            var count = series.GetSnapshot(values, out var sum);
            var labels = LabelEncoding.Of(series);
            for (var i = 0; i < quantiles.Length; i++)
            {
                WriteName(ref output, layout.SampleName.Span, constLabels, labels, quantiles[i]);
                output.WriteDouble(values[i]);
                output.Write((byte)'\n');
            }

            WriteSumAndCount(ref output, layout, constLabels, labels, sum, count, countNeedsSum: false);
            WriteCreated(ref output, layout, constLabels, series);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    // OpenMetrics gives _sum counter semantics: after a negative or NaN observation it is left out, and a histogram's
    // _count with it (its +Inf bucket still holds the count); a summary keeps its _count.
    private static void WriteSumAndCount(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, ReadOnlySpan<byte> labels, double sum, long count, bool countNeedsSum)
    {
        if (layout.SumName is { } sumName && layout.CountName is { } countName)
        {
            var writesSum = !layout.SumIsCounter || sum >= 0;
            if (!writesSum && countNeedsSum)
            {
                return;
            }

            if (writesSum)
            {
                WriteName(ref output, sumName, constLabels, labels, default);
                output.WriteDouble(sum);
                output.Write((byte)'\n');
            }

            WriteName(ref output, countName, constLabels, labels, default);
            output.WriteInt64(count);
            output.Write((byte)'\n');
        }
    }

    private static void WriteCreated(ref Utf8Output output, FamilyLayout layout, ReadOnlySpan<byte> constLabels, MetricSeries series)
    {
        if (layout.CreatedName is { } createdName)
        {
            WriteName(ref output, createdName, constLabels, LabelEncoding.Of(series), default);
            output.WriteUnixSeconds(series.Created);
            output.Write((byte)'\n');
        }
    }

    /// <summary>Writes <c> # {labels} value timestamp</c> after a sample, or nothing when there is no exemplar.</summary>
    private static void WriteExemplar(ref Utf8Output output, RecordedExemplar? exemplar)
    {
        if (exemplar is null)
        {
            return;
        }

        output.Write(" # {"u8);
        output.Write(LabelEncoding.Of(exemplar));
        output.Write("} "u8);
        output.WriteDouble(exemplar.Value);
        output.Write((byte)' ');
        output.WriteUnixSeconds(exemplar.Timestamp);
    }

    /// <summary>Writes <c>name{registry labels,series labels,extra} </c>, leaving out the braces when there are no labels.</summary>
    private static void WriteName(ref Utf8Output output, ReadOnlySpan<byte> name, ReadOnlySpan<byte> constLabels, ReadOnlySpan<byte> labels, ReadOnlySpan<byte> extra)
    {
        output.Write(name);
        if (!constLabels.IsEmpty || !labels.IsEmpty || !extra.IsEmpty)
        {
            output.Write((byte)'{');
            var separate = false;
            if (!constLabels.IsEmpty)
            {
                output.Write(constLabels);
                separate = true;
            }

            if (!labels.IsEmpty)
            {
                if (separate)
                {
                    output.Write((byte)',');
                }

                output.Write(labels);
                separate = true;
            }

            if (!extra.IsEmpty)
            {
                if (separate)
                {
                    output.Write((byte)',');
                }

                output.Write(extra);
            }

            output.Write((byte)'}');
        }

        output.Write((byte)' ');
    }
}
