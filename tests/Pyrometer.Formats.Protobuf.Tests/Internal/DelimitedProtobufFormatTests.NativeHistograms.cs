using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Protobuf.Tests.Internal;

public partial class DelimitedProtobufFormatTests
{
    [Fact]
    public async Task Write_NativeLayouts_DecodeToWhatTheSnapshotsHold()
    {
        var registry = NativeRegistries.Layouts();

        var families = await Decoded.FamiliesAsync(registry);

        Assert.Equal(NativeRegistries.LayoutNames.Select(n => "layout_" + n).Order(), families.Select(f => f.Name));
        RegistryAssert.Matches(registry, families);
    }

    [Fact]
    public async Task Write_NativeEmptyWithZeroThresholdZero_OnlyTheNoOpSpan()
    {
        var histogram = await NativeAsync("empty");

        Assert.Equal(0UL, histogram.SampleCount);
        Assert.Equal(0, histogram.ZeroThreshold);
        Assert.Equal(0UL, histogram.ZeroCount);
        var span = Assert.Single(histogram.PositiveSpan);
        Assert.True(span.HasOffset && span.HasLength, "The no-op span writes its zero offset and length.");
        Assert.Equal((0, 0U), (span.Offset, span.Length));
        Assert.Empty(histogram.PositiveDelta);
        Assert.Empty(histogram.NegativeSpan);
        Assert.Empty(histogram.Bucket);
    }

    [Fact]
    public async Task Write_NativeOnlyZeroBucket_ZeroCountAndTheNoOpSpan()
    {
        var histogram = await NativeAsync("zero_only");

        Assert.Equal(2UL, histogram.SampleCount);
        Assert.Equal(2UL, histogram.ZeroCount);
        Assert.Equal(NativeHistogramOptions.DefaultZeroThreshold, histogram.ZeroThreshold);
        Assert.Equal(NativeHistogramOptions.DefaultSchema, histogram.Schema);
        Assert.Equal((0, 0U), (histogram.PositiveSpan.Single().Offset, histogram.PositiveSpan.Single().Length));
        Assert.Empty(histogram.NegativeSpan);
    }

    [Fact]
    public async Task Write_NativeGaps_BridgesUpToTwoEmptyBucketsAndStartsANewSpanAfterMore()
    {
        var histogram = await NativeAsync("gaps");

        // Positive buckets 0 (1), 1 (2), 4 (1), 10 (1): 2 and 3 bridged, 5 to 9 not.
        Assert.Equal([(0, 5U), (5, 1U)], histogram.PositiveSpan.Select(s => (s.Offset, s.Length)));
        Assert.Equal([1L, 1, -2, 0, 1, 0], histogram.PositiveDelta);

        // Negative buckets -2 (1) and 2 (2): a gap of three, so the second span starts 3 past the first's end.
        Assert.Equal([(-2, 1U), (3, 1U)], histogram.NegativeSpan.Select(s => (s.Offset, s.Length)));
        Assert.Equal([1L, 1], histogram.NegativeDelta);
        Assert.Equal(1UL, histogram.ZeroCount);
        Assert.Equal(9UL, histogram.SampleCount);
    }

    [Fact]
    public async Task Write_NativeAfterResolutionReduction_LowerSchemaAndMergedBuckets()
    {
        var histogram = await NativeAsync("reduced");

        Assert.Equal(0, histogram.Schema);
        Assert.Equal([(1, 3U)], histogram.PositiveSpan.Select(s => (s.Offset, s.Length)));
        Assert.Equal([2L, 0, -1], histogram.PositiveDelta);
    }

    [Fact]
    public async Task Write_ClassicAndNative_BothInOneMessage()
    {
        var histogram = await NativeAsync("classic_and_native");

        Assert.Equal([(1.0, 1UL), (2, 2), (double.PositiveInfinity, 4)], histogram.Bucket.Select(b => (b.UpperBound, b.CumulativeCount)));
        Assert.Equal(0, histogram.Schema);

        // Native buckets -1 (0.5), 1 (1.5) and 2 (3, 3): the empty bucket 0 is bridged.
        Assert.Equal([(-1, 4U)], histogram.PositiveSpan.Select(s => (s.Offset, s.Length)));
        Assert.Equal([1L, -1, 1, 1], histogram.PositiveDelta);
    }

    [Fact]
    public async Task Write_NativeOnly_CountSumAndNativeBucketsWithoutClassicOnes()
    {
        var histogram = await NativeAsync("native_only");

        Assert.Empty(histogram.Bucket);
        Assert.Equal(5UL, histogram.SampleCount);
        Assert.Equal(0.1 + 0.2 + 0.3 + 7.5 - 1, histogram.SampleSum);
        Assert.Equal(3, histogram.Schema);
        Assert.Equal(4, NativeAssert.Buckets(histogram.PositiveSpan, histogram.PositiveDelta).Sum(b => b.Count));
        Assert.Equal([(0, 1L)], NativeAssert.Buckets(histogram.NegativeSpan, histogram.NegativeDelta));
    }

    [Fact]
    public async Task Write_NativeOnlyWithExemplar_InTheNativeExemplarsFieldWithTimestamp()
    {
        var histogram = await NativeAsync("native_only");

        var exemplar = Assert.Single(histogram.Exemplars);
        Assert.Equal(-1, exemplar.Value);
        Assert.Equal("native-1", Assert.Single(exemplar.Label).Value);
        Assert.Equal(SampleRegistries.Start, exemplar.Timestamp.ToDateTimeOffset());
    }

    [Fact]
    public async Task Write_NativeGaps_ProtocDecodesSpansAndZigZagDeltas()
    {
        var bytes = await Decoded.BytesAsync(NativeRegistries.Layouts());
        var gaps = SplitDelimited(bytes).Single(m => Protoc.DecodeRaw(m).Contains("layout_gaps", StringComparison.Ordinal));

        var decoded = Protoc.Decode("MetricFamily", gaps);

        Assert.Contains("schema: 0", decoded, StringComparison.Ordinal);
        Assert.Contains("negative_span {\n      offset: -2\n      length: 1\n    }", decoded, StringComparison.Ordinal);
        Assert.Contains("positive_delta: -2", decoded, StringComparison.Ordinal);
    }

    private static async Task<Schema.Histogram> NativeAsync(string layout)
    {
        var families = await Decoded.FamiliesAsync(NativeRegistries.Layouts());
        var family = families.Family("layout_" + layout);
        Assert.Equal(Schema.MetricType.Histogram, family.Type);
        return Assert.Single(family.Metric).Histogram;
    }
}
