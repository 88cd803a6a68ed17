using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// What the two text formats share: the walk over families and series, the sample line layout, and streaming.
/// A format supplies the per-family bytes (<see cref="FamilyLayout"/>) and a closing line. Writing allocates
/// nothing per series: labels are encoded once per series, numbers are formatted into the output span, and family
/// layouts are cached on each collector through the model's encoding slots.
/// </summary>
internal abstract partial class TextExpositionFormat : ExpositionFormat
{
    /// <summary>How much a streaming write buffers before it writes to the stream.</summary>
    internal const int FlushThreshold = 32 * 1024;

    // Each format has its own layouts, cached on the collector for as long as it lives.
    private readonly EncodingKey<FamilyLayout> _layoutKey = new();
    private readonly Func<Collector, FamilyLayout> _createLayout;

    protected TextExpositionFormat()
    {
        _createLayout = CreateLayout;
    }

    /// <summary>Gets the bytes written after the last family (OpenMetrics' <c># EOF</c> line).</summary>
    protected virtual ReadOnlySpan<byte> Trailer => default;

    /// <inheritdoc />
    public sealed override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        Guard.NotNull(destination);
        var output = new Utf8Output(destination);
        var constLabels = LabelEncoding.ConstLabelsOf(metrics);
        foreach (var collector in metrics.Collectors)
        {
            var layout = GetLayout(collector);
            output.Write(layout.Header);
            switch (collector)
            {
                case Collector<CounterSeries> counter: WriteAll(ref output, layout, constLabels, counter.Series); break;
                case Collector<GaugeSeries> gauge: WriteAll(ref output, layout, constLabels, gauge.Series); break;
                case Collector<HistogramSeries> histogram: WriteAll(ref output, layout, constLabels, histogram.Series); break;
                case Collector<SummarySeries> summary: WriteAll(ref output, layout, constLabels, summary.Series); break;
                default: throw Unsupported(collector);
            }
        }

        output.Write(Trailer);
        output.Flush();
    }

    /// <summary>Writes to the stream in chunks of about <see cref="FlushThreshold"/> bytes as it goes.</summary>
    public sealed override async ValueTask WriteAsync(Stream destination, CollectedMetrics metrics, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(destination);
        using var buffer = new PooledByteBuffer(2 * FlushThreshold);
        var snapshot = default(SeriesSnapshot);
        try
        {
            var families = metrics.Collectors.Length;
            for (var family = 0; family < families; family++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var layout = BeginFamily(buffer, metrics, family, ref snapshot, out var count);
                for (var next = 0; next < count;)
                {
                    next = WriteSome(buffer, layout, metrics, snapshot.Items(count), next);
                    if (buffer.WrittenCount >= FlushThreshold)
                    {
                        await buffer.FlushToAsync(destination, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            WriteTrailer(buffer);
            await buffer.FlushToAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            snapshot.Dispose();
        }
    }

    internal static NotSupportedException Unsupported(Collector collector) =>
        new($"The text formats cannot write metric '{collector.Name}' of type {collector.GetType().Name}.");

    /// <summary>Builds the cached bytes of a family.</summary>
    protected abstract FamilyLayout CreateLayout(Collector collector);

    /// <summary>Names a metric type as the TYPE line of text 0.0.4 and OpenMetrics spell it.</summary>
    protected static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        MetricType.Summary => "summary",
        _ => throw new NotSupportedException($"The text formats cannot write metrics of type {type}."),
    };

    private FamilyLayout GetLayout(Collector collector) => collector.GetEncoding(_layoutKey, _createLayout);

    private FamilyLayout BeginFamily(IBufferWriter<byte> destination, in CollectedMetrics metrics, int family, ref SeriesSnapshot snapshot, out int count)
    {
        var collector = metrics.Collectors[family];
        var layout = GetLayout(collector);
        count = snapshot.Fill(collector);
        var output = new Utf8Output(destination);
        output.Write(layout.Header);
        output.Flush();
        return layout;
    }

    private static int WriteSome(PooledByteBuffer destination, FamilyLayout layout, in CollectedMetrics metrics, ReadOnlySpan<MetricSeries> series, int start)
    {
        var room = FlushThreshold - destination.WrittenCount;
        var constLabels = LabelEncoding.ConstLabelsOf(metrics);
        var output = new Utf8Output(destination);
        var next = start;
        while (next < series.Length && output.Written < room)
        {
            WriteSeries(ref output, layout, constLabels, series[next++]);
        }

        output.Flush();
        return next;
    }

    private void WriteTrailer(IBufferWriter<byte> destination)
    {
        var output = new Utf8Output(destination);
        output.Write(Trailer);
        output.Flush();
    }
}
