using BenchmarkDotNet.Attributes;
using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf;
using Pyrometer.Formats.Text;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Writing one scrape of the <see cref="TextFormatBenchmarks"/> registry (10 000 series) as protobuf, against
/// Pyrometer's own text 0.0.4 in the same run: no peer writes the protobuf format (prometheus-net and the
/// OpenTelemetry Prometheus exporters offer text only), so the text format is the baseline. The payload sizes are
/// printed at setup. <c>PyrometerProtobufNative</c> writes the same registry with its 1 000 histogram series
/// keeping native buckets (default schema 5) besides the classic ones, so each histogram message also carries
/// schema, zero bucket, spans and deltas.
/// </summary>
[MemoryDiagnoser]
public class ProtobufFormatBenchmarks
{
    private readonly MemoryStream _stream = new(4 * 1024 * 1024);
    private MetricRegistry _registry = null!;
    private MetricRegistry _nativeRegistry = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = TextFormatBenchmarks.CreatePyrometer();
        await Verify(TextFormats.Prometheus).ConfigureAwait(false);
        await Verify(ProtobufFormats.Delimited).ConfigureAwait(false);
        _nativeRegistry = TextFormatBenchmarks.CreatePyrometer(new NativeHistogramOptions());
        await Verify(ProtobufFormats.Delimited, _nativeRegistry, "protobuf with native histograms").ConfigureAwait(false);
    }

    [Benchmark(Baseline = true)]
    public Task PyrometerText() => WriteAsync(TextFormats.Prometheus);

    [Benchmark]
    public Task PyrometerProtobuf() => WriteAsync(ProtobufFormats.Delimited);

    [Benchmark]
    public Task PyrometerProtobufNative() => WriteAsync(ProtobufFormats.Delimited, _nativeRegistry);

    private async Task WriteAsync(ExpositionFormat format, MetricRegistry? registry = null)
    {
        _stream.Position = 0;
        _stream.SetLength(0);
        var metrics = await (registry ?? _registry).CollectAsync().ConfigureAwait(false);
        await format.WriteAsync(_stream, metrics).ConfigureAwait(false);
    }

    /// <summary>Fails the run early if a format wrote nothing, and prints each payload's size.</summary>
    private async Task Verify(ExpositionFormat format, MetricRegistry? registry = null, string? name = null)
    {
        await WriteAsync(format, registry).ConfigureAwait(false);
        if (_stream.Length < 100_000)
        {
            throw new InvalidOperationException($"{format.Name} wrote only {_stream.Length} bytes for 10 000 series.");
        }

        Console.WriteLine($"// {name ?? format.Name}: {_stream.Length:N0} bytes");
    }
}
