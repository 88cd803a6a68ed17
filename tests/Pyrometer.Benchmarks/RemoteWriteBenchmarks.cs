using BenchmarkDotNet.Attributes;
using Pyrometer.Formats.Protobuf;
using Pyrometer.Transports.RemoteWrite.Internal;

namespace Pyrometer.Benchmarks;

/// <summary>
/// One remote-write send cycle for the <see cref="TextFormatBenchmarks"/> registry (10 000 series): collect, encode
/// every series expanded as a scrape would (classic histograms into <c>_bucket</c>, <c>_sum</c> and <c>_count</c>
/// series, each with its full sorted label set) into <c>WriteRequest</c>s of 2 000 series, and snappy-compress
/// each, against Pyrometer's own protobuf scrape of the same registry in the same run. No peer sends remote write
/// (prometheus-net and the OpenTelemetry Prometheus exporters are scraped only), so the protobuf scrape is the
/// baseline. The payload sizes are printed at setup.
/// </summary>
[MemoryDiagnoser]
public class RemoteWriteBenchmarks
{
    private static readonly DateTimeOffset Timestamp = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly MemoryStream _stream = new(4 * 1024 * 1024);
    private readonly List<EncodedBatch> _batches = [];
    private MetricRegistry _registry = null!;
    private WriteRequestEncoder _encoder = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = TextFormatBenchmarks.CreatePyrometer();
        _encoder = new WriteRequestEncoder([new("instance", "bench:0"), new("job", "bench")], maxSeriesPerRequest: 2000);
        await PyrometerProtobufScrape().ConfigureAwait(false);
        Console.WriteLine($"// protobuf scrape: {_stream.Length:N0} bytes");
        await PyrometerRemoteWriteCycle().ConfigureAwait(false);
        var series = _batches.Sum(b => b.SeriesCount);
        if (series < 10_000)
        {
            throw new InvalidOperationException($"Remote write encoded only {series} series.");
        }

        Console.WriteLine($"// remote write: {series:N0} series in {_batches.Count} requests, {_batches.Sum(b => b.Body.Length):N0} bytes snappy-compressed");
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder.Dispose();

    [Benchmark(Baseline = true)]
    public async Task PyrometerProtobufScrape()
    {
        _stream.Position = 0;
        _stream.SetLength(0);
        var metrics = await _registry.CollectAsync().ConfigureAwait(false);
        await ProtobufFormats.Delimited.WriteAsync(_stream, metrics).ConfigureAwait(false);
    }

    [Benchmark]
    public async Task PyrometerRemoteWriteCycle()
    {
        _batches.Clear();
        var metrics = await _registry.CollectAsync().ConfigureAwait(false);
        _encoder.Encode(metrics, Timestamp, _batches);
    }
}
