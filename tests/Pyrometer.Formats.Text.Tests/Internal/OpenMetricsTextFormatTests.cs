using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pyrometer.Exposition;
using Pyrometer.Formats.Text.Internal;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class OpenMetricsTextFormatTests
{
    private static readonly ExpositionFormat Format = TextFormats.OpenMetrics;

    [Theory]
    [InlineData("application/openmetrics-text", true)]
    [InlineData("application/openmetrics-text;version=1.0.0", true)]
    [InlineData("Application/OpenMetrics-Text; Version=1.0.0; charset=utf-8", true)]
    [InlineData("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8", true)]
    [InlineData("application/openmetrics-text;escaping=underscores", true)]
    [InlineData("application/openmetrics-text;version=\"1.0.0\"", true)]
    [InlineData("application/openmetrics-text;version=1.0.0;version=0.0.1", true)]
    [InlineData("application/openmetrics-text;version=0.0.1", false)]
    [InlineData("application/openmetrics-text;version=0.0.1;version=1.0.0", false)]
    [InlineData("application/openmetrics-text;version=2.0.0", false)]
    [InlineData("application/openmetrics-protobuf;version=1.0.0", false)]
    [InlineData("text/plain;version=1.0.0", false)]
    public void Satisfies_MediaRange_MatchesOpenMetricsWithoutVersionOr100(string accept, bool expected)
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader(accept));

        Assert.Equal(expected, Format.Satisfies(range));
    }

    [Fact]
    public async Task Write_EveryMetricType_MatchesGoldenFile()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Everything());

        GoldenFile.AssertMatches("everything.om.txt", output);
    }

    [Fact]
    public async Task Write_EdgeCases_MatchesGoldenFile()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.EdgeCases());

        GoldenFile.AssertMatches("edge-cases.om.txt", output);
    }

    [Fact]
    public async Task Write_EmptyRegistry_WritesOnlyEof()
    {
        var output = await Render.ToBytesAsync(Format, new MetricRegistry());

        Assert.Equal("# EOF\n"u8.ToArray(), output);
    }

    [Fact]
    public async Task Write_Counter_NamesFamilyWithoutTotalAndWritesTotalAndCreated()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = new FakeTimeProvider(SampleRegistries.Start) });
        registry.CreateCounter("jobs_total", "Jobs.").Add(7);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Equal("# TYPE jobs counter\n# HELP jobs Jobs.\njobs_total 7\njobs_created 1704164645.678\n# EOF\n", text);
    }

    [Fact]
    public async Task Write_CounterWithoutTotal_IsUnknownWrittenAsIs()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs", "Jobs.").Add(7);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Equal("# TYPE jobs unknown\n# HELP jobs Jobs.\njobs 7\n# EOF\n", text);
    }

    [Fact]
    public async Task Write_Unit_WritesTypeUnitHelpInThatOrder()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("size_bytes", "Size.", new GaugeOptions { Unit = "bytes" }).Set(1);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.StartsWith("# TYPE size_bytes gauge\n# UNIT size_bytes bytes\n# HELP size_bytes Size.\nsize_bytes 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_HelpWithQuotes_EscapesQuotesBackslashAndLineFeed()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "a \"quoted\" C:\\dir\nline").Set(1);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains("# HELP g a \\\"quoted\\\" C:\\\\dir\\nline\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_HistogramBounds_UseCanonicalNumbers()
    {
        var registry = new MetricRegistry();
        registry.CreateHistogram("h", "h", new HistogramOptions { Buckets = [0, 1e-05, 0.0001, 0.1, 1, 10, 100_000, 1e6, 1e23, 1.1e23] });

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        // The bucket list of the OpenMetrics specification's own histogram example.
        Assert.Contains(
            "h_bucket{le=\"0.0\"} 0\nh_bucket{le=\"1e-05\"} 0\nh_bucket{le=\"0.0001\"} 0\nh_bucket{le=\"0.1\"} 0\nh_bucket{le=\"1.0\"} 0\n" +
            "h_bucket{le=\"10.0\"} 0\nh_bucket{le=\"100000.0\"} 0\nh_bucket{le=\"1e+06\"} 0\nh_bucket{le=\"1e+23\"} 0\nh_bucket{le=\"1.1e+23\"} 0\n" +
            "h_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NegativeBucketBound_LeavesOutSumAndCount()
    {
        var registry = new MetricRegistry();
        registry.CreateHistogram("h", "h", new HistogramOptions { Buckets = [-1, 1] }).Observe(-2);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains("h_bucket{le=\"+Inf\"} 1\nh_created ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("h_sum", text, StringComparison.Ordinal);
        Assert.DoesNotContain("h_count", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public async Task Write_HistogramSumNegativeOrNaN_LeavesOutSumAndCountButKeepsTheInfBucket(double observed)
    {
        var text = await RenderHistogramAsync(new HistogramOptions { Buckets = [1] }, 0.5, observed);

        Assert.Contains("h_bucket{le=\"+Inf\"} 2\nh_created ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("h_sum", text, StringComparison.Ordinal);
        Assert.DoesNotContain("h_count", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NativeHistogramWithNegativeSum_LeavesOutSumAndCount()
    {
        var text = await RenderHistogramAsync(new HistogramOptions { Native = new() }, 1.5, -2);

        Assert.Contains("h_bucket{le=\"+Inf\"} 2\nh_created ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("h_sum", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_HistogramSumBackAtZeroOrAbove_WritesSumAndCountAgain()
    {
        var text = await RenderHistogramAsync(new HistogramOptions { Buckets = [1] }, -1, 3);

        Assert.Contains("h_bucket{le=\"+Inf\"} 2\nh_sum 2\nh_count 2\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-5.0, -5.0)]
    [InlineData(double.PositiveInfinity, double.NegativeInfinity)]
    public async Task Write_SummarySumNegativeOrNaN_LeavesOutTheSumButKeepsTheCount(double first, double second)
    {
        var registry = new MetricRegistry();
        var summary = registry.CreateSummary("s", "s", new SummaryOptions { Quantiles = [] });
        summary.Observe(first);
        summary.Observe(second);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains("# HELP s s\ns_count 2\ns_created ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s_sum", text, StringComparison.Ordinal);
    }

    private static async Task<string> RenderHistogramAsync(HistogramOptions options, params double[] observations)
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("h", "h", options);
        foreach (var value in observations)
        {
            histogram.Observe(value);
        }

        return Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));
    }

    [Fact]
    public async Task Write_SummaryQuantiles_UseCanonicalNumbersAndNaNWhenEmpty()
    {
        var registry = new MetricRegistry();
        registry.CreateSummary("s", "s", new SummaryOptions { Quantiles = [new(0.5, 0.05), new(0.999, 0.0001)] });

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains("s{quantile=\"0.5\"} NaN\ns{quantile=\"0.999\"} NaN\ns_sum 0\ns_count 0\ns_created ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Output_HasNoByteOrderMarkNorCarriageReturnAndEndsWithEof()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Everything());

        Assert.False(output.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        Assert.DoesNotContain((byte)'\r', output);
        Assert.True(output.AsSpan().EndsWith("\n# EOF\n"u8));
    }

    [Fact]
    public void Identity_IsOpenMetrics100()
    {
        Assert.IsType<OpenMetricsTextFormat>(Format);
        Assert.Equal("openmetrics", Format.Name);
        Assert.Equal("application/openmetrics-text", Format.MediaType);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", Format.ContentType);
    }
}
