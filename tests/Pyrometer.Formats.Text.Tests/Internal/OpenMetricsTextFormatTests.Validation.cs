using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class OpenMetricsTextFormatTests
{
    public static TheoryData<string> OpenMetricsGoldenFiles => [.. OpenMetricsGoldenFileNames()];

    [Theory]
    [MemberData(nameof(OpenMetricsGoldenFiles))]
    public void GoldenFile_OpenMetrics_PassesTheStrictParser(string fileName)
    {
        var result = OpenMetricsParser.Parse(GoldenFile.Read(fileName));

        Assert.True(result.ExitCode == 0, $"The OpenMetrics parser rejected {fileName} (exit code {result.ExitCode}): {result.Output}");
    }

    [Fact]
    public void OpenMetricsGoldenFileNames_CheckedInFiles_IncludeEveryOpenMetricsGoldenFile()
    {
        // Guards the theory above: it really finds the checked-in files.
        var names = OpenMetricsGoldenFileNames();

        Assert.Contains("exemplars.om.txt", names);
        Assert.Contains("everything.om.txt", names);
        Assert.Contains("edge-cases.om.txt", names);
    }

    [Fact]
    public async Task Write_FreshRegistriesWithExemplars_PassTheStrictParser()
    {
        foreach (var registry in new[] { SampleRegistries.Exemplars(), SampleRegistries.Large(400) })
        {
            var result = OpenMetricsParser.Parse(await Render.ToBytesAsync(Format, registry));

            Assert.True(result.ExitCode == 0, $"The OpenMetrics parser exited with {result.ExitCode}: {result.Output}");
        }
    }

    [Fact]
    public async Task Write_NegativeAndNaNObservations_PassTheStrictParser()
    {
        var registry = new MetricRegistry();
        registry.CreateHistogram("classic", "Classic.", new HistogramOptions { Buckets = [1, 2] }).Observe(-5);
        registry.CreateHistogram("with_nan", "NaN observed.").Observe(double.NaN);
        var native = registry.CreateHistogram("native", "Native.", new HistogramOptions { Native = new() });
        native.Observe(1.5);
        native.Observe(-2);
        var summary = registry.CreateSummary("summary_nan", "Summary with a NaN sum.", new SummaryOptions { Quantiles = [] });
        summary.Observe(double.PositiveInfinity);
        summary.Observe(double.NegativeInfinity);

        var result = OpenMetricsParser.Parse(await Render.ToBytesAsync(Format, registry));

        Assert.True(result.ExitCode == 0, $"The OpenMetrics parser exited with {result.ExitCode}: {result.Output}");
    }

    [Theory]
    [InlineData("# TYPE g gauge\n# HELP g g\ng 1 # {trace_id=\"a\"} 1\n# EOF\n", "only histogram/gaugehistogram buckets and counters can have exemplars")]
    [InlineData("# TYPE c counter\n# HELP c c\nc_total 1\n", "Missing # EOF")]
    [InlineData("# TYPE c counter\n# HELP c c\nc_total 1 # {trace_id=\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890\"} 1\n# EOF\n", "Exemplar labels are too long")]
    public void OpenMetricsParser_InvalidExposition_IsRejectedWithItsMessage(string exposition, string message)
    {
        // Guards the tests above: the parser really checks exemplars, and its message reaches the assertion.
        var result = OpenMetricsParser.Parse(System.Text.Encoding.UTF8.GetBytes(exposition));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }

    private static string[] OpenMetricsGoldenFileNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.om.txt")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
