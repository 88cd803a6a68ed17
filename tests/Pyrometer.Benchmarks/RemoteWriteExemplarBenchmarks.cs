using BenchmarkDotNet.Attributes;
using Pyrometer.Transports.RemoteWrite.Internal;

namespace Pyrometer.Benchmarks;

/// <summary>
/// What <c>SendExemplars</c> costs a remote-write send cycle of the <see cref="TextFormatBenchmarks"/> registry
/// (10 000 series, 27 000 sent) where every counter series and each histogram series' three observed buckets hold
/// an exemplar (13 000), against the same cycle with the option off (the baseline): with every exemplar already
/// sent (the cost of checking), and with every one recorded anew before the cycle (the recording, 13 000
/// <see cref="RecordedExemplar"/> objects, is in that row; <see cref="RecordExemplars"/> times it alone). No peer
/// sends remote write. The payload sizes are printed at setup.
/// </summary>
[MemoryDiagnoser]
public class RemoteWriteExemplarBenchmarks
{
    private static readonly DateTimeOffset Timestamp = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<EncodedBatch> _batches = [];
    private MetricRegistry _registry = null!;
    private WriteRequestEncoder _off = null!;
    private WriteRequestEncoder _on = null!;
    private CounterSeries[] _counters = [];
    private HistogramSeries[] _histograms = [];
    private Exemplar _trace = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = TextFormatBenchmarks.CreatePyrometer();
        _off = new WriteRequestEncoder([new("instance", "bench:0"), new("job", "bench")], maxSeriesPerRequest: 2000);
        _on = new WriteRequestEncoder([new("instance", "bench:0"), new("job", "bench")], maxSeriesPerRequest: 2000, sendExemplars: true);
        _trace = Exemplar.From("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        var metrics = await _registry.CollectAsync().ConfigureAwait(false);
        _counters = [.. metrics.Collectors.ToArray().OfType<Collector<CounterSeries>>().SelectMany(c => c.Series.ToArray())];
        _histograms = [.. metrics.Collectors.ToArray().OfType<Collector<HistogramSeries>>().SelectMany(c => c.Series.ToArray())];
        await NewExemplars().ConfigureAwait(false);
        var sent = _batches.Sum(b => b.Body.Length);
        await ExemplarsUnchanged().ConfigureAwait(false);
        var unchanged = _batches.Sum(b => b.Body.Length);
        await Off().ConfigureAwait(false);
        Console.WriteLine($"// remote write, snappy-compressed: off {_batches.Sum(b => b.Body.Length):N0} bytes; on, 13 000 new exemplars {sent:N0} bytes; on, unchanged {unchanged:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _off.Dispose();
        _on.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task Off() => CycleAsync(_off);

    [Benchmark]
    public Task ExemplarsUnchanged() => CycleAsync(_on);

    [Benchmark]
    public Task NewExemplars()
    {
        RecordExemplars();
        return CycleAsync(_on);
    }

    /// <summary>A new exemplar on every counter series and in each histogram series' three observed buckets.</summary>
    [Benchmark]
    public void RecordExemplars()
    {
        foreach (var counter in _counters)
        {
            counter.Inc(_trace);
        }

        foreach (var histogram in _histograms)
        {
            histogram.Observe(0.003, _trace);
            histogram.Observe(0.2, _trace);
            histogram.Observe(4.0, _trace);
        }
    }

    private async Task CycleAsync(WriteRequestEncoder encoder)
    {
        _batches.Clear();
        var metrics = await _registry.CollectAsync().ConfigureAwait(false);
        encoder.Encode(metrics, Timestamp, _batches);
    }
}
