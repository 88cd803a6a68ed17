using System.Text;
using Pyrometer.Exposition;
using Pyrometer.Formats.Text.Internal;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class PrometheusTextFormatTests
{
    private static readonly ExpositionFormat Format = TextFormats.Prometheus;

    [Theory]
    [InlineData("text/plain", true)]
    [InlineData("text/plain;version=0.0.4", true)]
    [InlineData("TEXT/Plain; Version=0.0.4; charset=utf-8", true)]
    [InlineData("text/plain;version=\"0.0.4\";escaping=allow-utf-8", true)]
    [InlineData("text/plain;version=0.0.4;version=1.0.0", true)]
    [InlineData("text/plain;version=1.0.0;escaping=allow-utf-8", false)]
    [InlineData("text/plain;version=1.0.0;version=0.0.4", false)]
    [InlineData("text/html", false)]
    [InlineData("application/openmetrics-text", false)]
    public void Satisfies_MediaRange_MatchesTextWithoutVersionOr004(string accept, bool expected)
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader(accept));

        Assert.Equal(expected, Format.Satisfies(range));
    }

    [Fact]
    public async Task Write_EveryMetricType_MatchesGoldenFile()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Everything());

        GoldenFile.AssertMatches("everything.prom", output);
    }

    [Fact]
    public async Task Write_EdgeCases_MatchesGoldenFile()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.EdgeCases());

        GoldenFile.AssertMatches("edge-cases.prom", output);
    }

    [Fact]
    public void GoldenFile_EveryMetricType_PassesPromtoolWithoutFindings()
    {
        var result = Promtool.CheckMetrics(GoldenFile.Read("everything.prom"));

        Assert.True(result.ExitCode == 0, $"promtool check metrics exited with {result.ExitCode}: {result.Output}");
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void GoldenFile_EdgeCases_ParsesAndOnlyLintsTheNameWithoutTotal()
    {
        // The only finding is about the user's metric name, which the format writes as it was given.
        var result = Promtool.CheckMetrics(GoldenFile.Read("edge-cases.prom"));

        Assert.True(result.ExitCode == 3, $"promtool check metrics exited with {result.ExitCode}: {result.Output}");
        Assert.Equal("legacy_requests counter metrics should have \"_total\" suffix", result.Output);
    }

    [Fact]
    public void Promtool_BrokenExposition_IsRejected()
    {
        // Guards the two tests above: promtool really parses what it is given.
        var result = Promtool.CheckMetrics("# TYPE x counter\nx{a=\"b} 1\n"u8.ToArray());

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Write_HelpWithQuotes_EscapesOnlyBackslashAndLineFeed()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "a \"quoted\" C:\\dir\nline").Set(1);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.StartsWith("# HELP g a \"quoted\" C:\\\\dir\\nline\n# TYPE g gauge\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_HistogramBounds_UseShortestNumbersWithoutDecimalPoint()
    {
        var registry = new MetricRegistry();
        registry.CreateHistogram("h", "h", new HistogramOptions { Buckets = [0.5, 1, 10, 1e6] }).Observe(1);

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains("h_bucket{le=\"0.5\"} 0\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"10\"} 1\nh_bucket{le=\"1e+06\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EmptyRegistry_WritesNothing()
    {
        var output = await Render.ToBytesAsync(Format, new MetricRegistry());

        Assert.Empty(output);
    }

    [Fact]
    public async Task Write_Output_HasNoByteOrderMarkNorCarriageReturnAndEndsWithLineFeed()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Everything());

        Assert.False(output.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        Assert.DoesNotContain((byte)'\r', output);
        Assert.Equal((byte)'\n', output[^1]);
    }

    [Fact]
    public void Identity_IsTextFormat004()
    {
        Assert.IsType<PrometheusTextFormat>(Format);
        Assert.Equal("text", Format.Name);
        Assert.Equal("text/plain", Format.MediaType);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", Format.ContentType);
    }
}
