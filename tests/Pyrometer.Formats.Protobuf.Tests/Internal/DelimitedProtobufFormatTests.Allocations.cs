using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Formats.Text.Tests.Infrastructure;
using Pyrometer.TestUtils;
using Xunit.Abstractions;

namespace Pyrometer.Formats.Protobuf.Tests.Internal;

public partial class DelimitedProtobufFormatTests(ITestOutputHelper output)
{
    public static TheoryData<string> SeriesMixes => ["every type", "native histograms"];

    [Theory]
    [MemberData(nameof(SeriesMixes))]
    public async Task Write_ManySeries_AllocatesTheSameAsForFewSeries(string mix)
    {
        Func<int, MetricRegistry> large = mix == "native histograms" ? NativeRegistries.Large : SampleRegistries.Large;
        var few = await FormatAllocations.OfWriteAsync(ProtobufFormats.Delimited, large(100));
        var many = await FormatAllocations.OfWriteAsync(ProtobufFormats.Delimited, large(10_000));

        output.WriteLine($"protobuf: Write allocated {few} B for 100 series of {mix}, {many} B for 10,000.");

        // 9,900 more series: a single allocation per series would add at least 24 bytes each.
        Assert.True(many - few < 1024, $"Writing 100 series allocated {few} bytes, 10,000 series {many} bytes.");
        Assert.True(many < 4096, $"Writing 10,000 series allocated {many} bytes.");
    }

    [Fact]
    public async Task WriteAsync_ManySeries_AllocatesTheSameAsForFewSeries()
    {
        var few = await FormatAllocations.OfWriteAsyncToStreamAsync(ProtobufFormats.Delimited, SampleRegistries.Large(100));
        var many = await FormatAllocations.OfWriteAsyncToStreamAsync(ProtobufFormats.Delimited, SampleRegistries.Large(10_000));

        output.WriteLine($"protobuf: WriteAsync allocated {few} B for 100 series, {many} B for 10,000 series.");
        Assert.True(many - few < 1024, $"Streaming 100 series allocated {few} bytes, 10,000 series {many} bytes.");
    }
}
