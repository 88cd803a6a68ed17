using System.Buffers;
using Pyrometer.Exposition;
using Pyrometer.Formats.Text.Internal;
using Pyrometer.Formats.Text.Tests.Infrastructure;
using Pyrometer.TestUtils;
using Xunit.Abstractions;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class TextExpositionFormatTests(ITestOutputHelper output)
{
    public static TheoryData<string> FormatNames => ["text", "openmetrics"];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_ManySeries_AllocatesTheSameAsForFewSeries(string formatName)
    {
        var format = FormatNamed(formatName);

        var few = await FormatAllocations.OfWriteAsync(format, SampleRegistries.Large(100));
        var many = await FormatAllocations.OfWriteAsync(format, SampleRegistries.Large(10_000));

        output.WriteLine($"{formatName}: Write allocated {few} B for 100 series, {many} B for 10,000 series.");

        // 9,900 more series: a single allocation per series would add at least 24 bytes each.
        Assert.True(many - few < 1024, $"Writing 100 series allocated {few} bytes, 10,000 series {many} bytes.");
        Assert.True(many < 4096, $"Writing 10,000 series allocated {many} bytes.");
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task WriteAsync_ManySeries_AllocatesTheSameAsForFewSeries(string formatName)
    {
        var format = FormatNamed(formatName);

        var few = await FormatAllocations.OfWriteAsyncToStreamAsync(format, SampleRegistries.Large(100));
        var many = await FormatAllocations.OfWriteAsyncToStreamAsync(format, SampleRegistries.Large(10_000));

        output.WriteLine($"{formatName}: WriteAsync allocated {few} B for 100 series, {many} B for 10,000 series.");
        Assert.True(many - few < 1024, $"Streaming 100 series allocated {few} bytes, 10,000 series {many} bytes.");
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task WriteAsync_AnyRegistry_WritesTheSameBytesAsWrite(string formatName)
    {
        var format = FormatNamed(formatName);
        foreach (var registry in new[] { SampleRegistries.Everything(), SampleRegistries.EdgeCases(), SampleRegistries.Large(2_000), new MetricRegistry() })
        {
            Assert.Equal(await Render.ToBytesAsync(format, registry), await Render.StreamAsync(format, registry));
        }
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task WriteAsync_LargeOutput_StreamsInChunksNearTheThreshold(string formatName)
    {
        var format = FormatNamed(formatName);
        var registry = SampleRegistries.Large(4_000);
        var stream = new RecordingStream(yieldOnWrite: true);

        await Render.StreamAsync(format, registry, stream);

        Assert.True(stream.Writes.Count > 4, $"Only {stream.Writes.Count} writes for {stream.Bytes.Length} bytes.");
        Assert.All(stream.Writes.SkipLast(1), size => Assert.InRange(size, TextExpositionFormat.FlushThreshold, TextExpositionFormat.FlushThreshold + 4096));
        Assert.Equal(await Render.ToBytesAsync(format, registry), stream.Bytes.ToArray());
    }

    [Fact]
    public async Task WriteAsync_CanceledToken_Throws()
    {
        var metrics = await SampleRegistries.Everything().CollectAsync();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await TextFormats.OpenMetrics.WriteAsync(new MemoryStream(), metrics, canceled.Token));
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_BufferWriterWithTinySegments_WritesTheSameBytes(string formatName)
    {
        var format = FormatNamed(formatName);
        var registry = SampleRegistries.Everything();
        var metrics = await registry.CollectAsync();
        var stingy = new StingyBufferWriter();

        format.Write(stingy, metrics);

        Assert.Equal(await Render.ToBytesAsync(format, registry), stingy.Written.ToArray());
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_ManyBuckets_RentsScratchAndWritesEveryBucket(string formatName)
    {
        var format = FormatNamed(formatName);
        var registry = new MetricRegistry();
        registry.CreateHistogram("wide", "Many buckets.", new HistogramOptions { Buckets = Buckets.Linear(1, 1, 100) }).Observe(50);
        registry.CreateSummary("fine", "Many quantiles.", new SummaryOptions { Quantiles = Enumerable.Range(1, 99).Select(i => new QuantileTarget(i / 100.0, 0.001)).ToArray() }).Observe(3);

        var lines = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(format, registry)).Split('\n');

        Assert.Equal(101, lines.Count(l => l.StartsWith("wide_bucket{", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l == (formatName == "text" ? "wide_bucket{le=\"100\"} 1" : "wide_bucket{le=\"100.0\"} 1"));
        Assert.Equal(99, lines.Count(l => l.StartsWith("fine{quantile=", StringComparison.Ordinal)));
        Assert.Contains("fine{quantile=\"0.99\"} 3", lines);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_FromManyThreads_WritesTheSameBytesEachTime(string formatName)
    {
        var format = FormatNamed(formatName);
        var registry = SampleRegistries.Everything();
        var expected = await Render.ToBytesAsync(format, registry);

        var outputs = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Render.ToBytesAsync(format, registry))));

        Assert.All(outputs, output => Assert.Equal(expected, output));
    }

    [Fact]
    public async Task Write_SeriesAddedAndRemoved_ReflectsTheRegistryAtEachScrape()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "c", "k");
        counter.WithLabels("a").Inc();
        var first = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(TextFormats.Prometheus, registry));

        counter.WithLabels("b").Inc();
        counter.RemoveLabels("a");
        var second = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(TextFormats.Prometheus, registry));

        Assert.Equal("# HELP c_total c\n# TYPE c_total counter\nc_total{k=\"a\"} 1\n", first);
        Assert.Equal("# HELP c_total c\n# TYPE c_total counter\nc_total{k=\"b\"} 1\n", second);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_AfterManyRemovals_WritesSurvivorsInCreationOrderBothWays(string formatName)
    {
        var format = FormatNamed(formatName);
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "c", "k");
        for (var i = 0; i < 1_000; i++)
        {
            counter.WithLabels(i.ToString()).Inc();
        }

        // Every third survives; removing the rest leaves holes and compacts the list more than once.
        for (var i = 0; i < 1_000; i++)
        {
            if (i % 3 != 0)
            {
                counter.RemoveLabels(i.ToString());
            }
        }

        counter.WithLabels("late").Inc();
        var written = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(format, registry));
        var streamed = System.Text.Encoding.UTF8.GetString(await Render.StreamAsync(format, registry));

        var expected = Enumerable.Range(0, 1_000).Where(i => i % 3 == 0).Select(i => i.ToString()).Append("late");
        var keys = written.Split('\n').Where(l => l.StartsWith("c_total{", StringComparison.Ordinal)).Select(l => l.Split('"')[1]);
        Assert.Equal(expected, keys);
        Assert.Equal(written, streamed);
    }

    private static ExpositionFormat FormatNamed(string name) => new ExpositionFormatCollection().AddTextFormats().FindByName(name)!;

    /// <summary>Records each write, optionally completing it asynchronously.</summary>
    private sealed class RecordingStream(bool yieldOnWrite) : MemoryStream
    {
        public List<int> Writes { get; } = [];

        public MemoryStream Bytes => this;

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer.Length);
            if (yieldOnWrite)
            {
                await Task.Yield();
            }

            await base.WriteAsync(buffer, cancellationToken);
        }
    }

    /// <summary>Hands out no more room than asked for, so every token may land in a new segment.</summary>
    private sealed class StingyBufferWriter : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> _inner = new();
        private byte[] _segment = [];

        public ReadOnlySpan<byte> Written => _inner.WrittenSpan;

        public void Advance(int count) => _inner.Write(_segment.AsSpan(0, count));

        public Memory<byte> GetMemory(int sizeHint = 0) => _segment = new byte[Math.Max(sizeHint, 1)];

        public Span<byte> GetSpan(int sizeHint = 0) => _segment = new byte[Math.Max(sizeHint, 1)];
    }
}
