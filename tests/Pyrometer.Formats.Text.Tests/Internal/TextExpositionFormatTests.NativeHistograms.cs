using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class TextExpositionFormatTests
{
    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_NativeOnlyHistogram_WritesInfBucketSumAndCount(string formatName)
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("native_seconds", "Native only.", new HistogramOptions { Native = new() });
        histogram.Observe(1);
        histogram.Observe(3);

        var lines = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(FormatNamed(formatName), registry)).Split('\n');

        Assert.Equal(["native_seconds_bucket{le=\"+Inf\"} 2"], lines.Where(l => l.StartsWith("native_seconds_bucket", StringComparison.Ordinal)));
        Assert.Contains("native_seconds_sum 4", lines);
        Assert.Contains("native_seconds_count 2", lines);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public async Task Write_ClassicAndNativeHistogram_WritesTheClassicBuckets(string formatName)
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("both_seconds", "Both.", new HistogramOptions { Buckets = [1, 2], Native = new() });
        histogram.Observe(1.5);

        var lines = System.Text.Encoding.UTF8.GetString(await Render.ToBytesAsync(FormatNamed(formatName), registry)).Split('\n');

        Assert.Equal(3, lines.Count(l => l.StartsWith("both_seconds_bucket", StringComparison.Ordinal)));
        Assert.Contains("both_seconds_count 1", lines);
    }
}
