using System.Runtime.CompilerServices;
using Pyrometer.Exposition;
using Snappier;

namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// Turns collected metrics into snappy-compressed <c>WriteRequest</c>s of at most a given number of series, written
/// straight into a pooled buffer (no message objects): every type expanded as a scrape would, native histograms as
/// native histograms, all stamped with the collection time. Label sets are built once per series and cached on it.
/// Series seen in the previous call and gone in this one get a stale marker, once. With exemplars on, each exemplar is
/// sent once, in the first call that sees it. Not thread-safe: one sender uses it.
/// </summary>
internal sealed partial class WriteRequestEncoder : IDisposable
{
    /// <summary>The NaN Prometheus reads as "this series ended", never used for any other value.</summary>
    public const ulong StaleNaNBits = 0x7ff0000000000002;

    private readonly EncodingKey<SeriesLabels> _key = new();
    private readonly LabelSetBuilder _builder;
    private readonly int _maxSeriesPerRequest;
    private readonly bool _sendExemplars;
    private readonly PooledByteBuffer _request = new();
    private readonly HistogramSnapshot _snapshot = new();
    private readonly Func<MetricSeries, SeriesLabels> _build;
    private HashSet<SeriesLabels> _current = [];
    private HashSet<SeriesLabels> _previous = [];
    private IReadOnlyList<KeyValuePair<string, string>> _registryLabels = [];
    private double[] _quantiles = new double[8];
    private int _seriesInRequest;

    public WriteRequestEncoder(IEnumerable<KeyValuePair<string, string>> externalLabels, int maxSeriesPerRequest, bool sendExemplars = false)
    {
        _builder = new LabelSetBuilder(externalLabels);
        _maxSeriesPerRequest = maxSeriesPerRequest;
        _sendExemplars = sendExemplars;
        _build = series => _builder.Build(series, _registryLabels);
    }

    public static double StaleNaN => BitConverter.Int64BitsToDouble(unchecked((long)StaleNaNBits));

    /// <summary>Encodes every series of <paramref name="metrics"/>, and stale markers for those gone since the last call, into <paramref name="batches"/>.</summary>
    /// <exception cref="InvalidOperationException">A label is given twice (e.g. a metric label that is also an external label); nothing was added and no exemplar counts as sent.</exception>
    public void Encode(CollectedMetrics metrics, DateTimeOffset timestamp, List<EncodedBatch> batches)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        var firstBatch = batches.Count;
        _registryLabels = metrics.ConstLabels;
        _current.Clear();
        _request.Clear();
        _seriesInRequest = 0;
        _sent.Begin();
        try
        {
            foreach (var collector in metrics.Collectors)
            {
                switch (collector)
                {
                    case Collector<CounterSeries> counters when _sendExemplars:
                        WriteCountersWithExemplars(counters.Series, milliseconds, batches);
                        break;
                    case Collector<CounterSeries> counters:
                        foreach (var counter in counters.Series)
                        {
                            WriteSample(Labels(counter).Floats[0], counter.Value, milliseconds, batches);
                        }

                        break;
                    case Collector<GaugeSeries> gauges:
                        foreach (var gauge in gauges.Series)
                        {
                            WriteSample(Labels(gauge).Floats[0], gauge.Value, milliseconds, batches);
                        }

                        break;
                    case Collector<HistogramSeries> histograms:
                        foreach (var histogram in histograms.Series)
                        {
                            WriteHistogram(Labels(histogram), histogram, milliseconds, batches);
                        }

                        break;
                    case Collector<SummarySeries> summaries:
                        foreach (var summary in summaries.Series)
                        {
                            WriteSummary(Labels(summary), summary, milliseconds, batches);
                        }

                        break;
                    default:
                        throw new NotSupportedException($"Remote write cannot send metric '{collector.Name}' of type {collector.GetType().Name}.");
                }
            }

            WriteStaleMarkers(milliseconds, batches);
        }
        catch
        {
            // All or nothing: the previous series stay the ones to compare with next time, the exemplars unsent.
            batches.RemoveRange(firstBatch, batches.Count - firstBatch);
            _sent.Undo();
            _nativeExemplars.Clear();
            throw;
        }

        CompleteRequest(batches);
        _sent.Complete();
        (_previous, _current) = (_current, _previous);
    }

    public void Dispose() => _request.Dispose();

    private SeriesLabels Labels(MetricSeries series)
    {
        var labels = series.GetEncoding(_key, _build);
        _current.Add(labels);
        return labels;
    }

    private void WriteStaleMarkers(long milliseconds, List<EncodedBatch> batches)
    {
        HashSet<byte[]>? live = null;
        foreach (var gone in _previous)
        {
            if (_current.Contains(gone))
            {
                continue;
            }

            // A series removed and created again with the same labels is the same series to the receiver: no marker.
            live ??= LiveLabelSets();
            foreach (var labels in gone.Floats)
            {
                if (!live.Contains(labels))
                {
                    WriteSample(labels, StaleNaN, milliseconds, batches);
                }
            }

            if (gone.Native is { } native && !live.Contains(native))
            {
                WriteStaleHistogram(native, milliseconds, batches);
            }
        }
    }

    private HashSet<byte[]> LiveLabelSets()
    {
        var live = new HashSet<byte[]>(ByteContentComparer.Instance);
        foreach (var labels in _current)
        {
            live.UnionWith(labels.Floats);
            if (labels.Native is { } native)
            {
                live.Add(native);
            }
        }

        return live;
    }

    private static int SampleSize(long milliseconds) => ProtoSizes.DoubleFieldSize + ProtoSizes.Varint((ulong)milliseconds);

    /// <summary>Writes a <c>TimeSeries</c>' <c>samples</c> field: one value and its timestamp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteSampleField(ref ProtoOutput output, int sample, double value, long milliseconds)
    {
        output.WriteLength(RemoteWireTags.SeriesSample, sample);
        output.WriteDouble(RemoteWireTags.SampleValue, value);
        output.WriteVarint(RemoteWireTags.SampleTimestamp, (ulong)milliseconds);
    }

    private void WriteSample(byte[] labels, double value, long milliseconds, List<EncodedBatch> batches)
    {
        var sample = SampleSize(milliseconds);
        var output = new ProtoOutput(_request);
        output.WriteLength(RemoteWireTags.RequestTimeSeries, labels.Length + ProtoSizes.Field(sample));
        output.WriteRaw(labels);
        WriteSampleField(ref output, sample, value, milliseconds);
        output.Flush();
        CountSeries(batches);
    }

    private void CountSeries(List<EncodedBatch> batches)
    {
        if (++_seriesInRequest >= _maxSeriesPerRequest)
        {
            CompleteRequest(batches);
        }
    }

    private void CompleteRequest(List<EncodedBatch> batches)
    {
        if (_seriesInRequest == 0)
        {
            return;
        }

        batches.Add(new EncodedBatch(Snappy.CompressToArray(_request.WrittenSpan), _seriesInRequest));
        _request.Clear();
        _seriesInRequest = 0;
    }
}
