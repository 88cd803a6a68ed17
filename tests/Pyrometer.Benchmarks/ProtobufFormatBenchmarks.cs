using BenchmarkDotNet.Attributes;
using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf;
using Pyrometer.Formats.Text;

namespace Pyrometer.Benchmarks;

/// <summary>
/// Writing one scrape of the <see cref="TextFormatBenchmarks"/> registry (10 000 series) as protobuf, against
/// Pyrometer's own text 0.0.4 in the same run: no peer writes the protobuf format (prometheus-net and the
/// OpenTelemetry Prometheus exporters offer text only), so the text format is the baseline. The payload sizes are
/// printed at setup.
/// </summary>
[MemoryDiagnoser]
public class ProtobufFormatBenchmarks
{
    private readonly MemoryStream _stream = new(4 * 1024 * 1024);
    private MetricRegistry _registry = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _registry = TextFormatBenchmarks.CreatePyrometer();
        await Verify(TextFormats.Prometheus).ConfigureAwait(false);
        await Verify(ProtobufFormats.Delimited).ConfigureAwait(false);
    }

    [Benchmark(Baseline = true)]
    public Task PyrometerText() => WriteAsync(TextFormats.Prometheus);

    [Benchmark]
    public Task PyrometerProtobuf() => WriteAsync(ProtobufFormats.Delimited);

    private async Task WriteAsync(ExpositionFormat format)
    {
        _stream.Position = 0;
        _stream.SetLength(0);
        var metrics = await _registry.CollectAsync().ConfigureAwait(false);
        await format.WriteAsync(_stream, metrics).ConfigureAwait(false);
    }

    /// <summary>Fails the run early if a format wrote nothing, and prints each payload's size.</summary>
    private async Task Verify(ExpositionFormat format)
    {
        await WriteAsync(format).ConfigureAwait(false);
        if (_stream.Length < 100_000)
        {
            throw new InvalidOperationException($"{format.Name} wrote only {_stream.Length} bytes for 10 000 series.");
        }

        Console.WriteLine($"// {format.Name}: {_stream.Length:N0} bytes");
    }
}
