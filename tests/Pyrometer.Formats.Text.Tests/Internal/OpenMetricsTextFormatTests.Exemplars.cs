using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Text.Tests.Internal;

public partial class OpenMetricsTextFormatTests
{
    [Fact]
    public async Task Write_Exemplars_MatchesGoldenFile()
    {
        var output = await Render.ToBytesAsync(Format, SampleRegistries.Exemplars());

        GoldenFile.AssertMatches("exemplars.om.txt", output);
    }

    [Fact]
    public async Task Write_Exemplars_OnlyAddsThemToTheLinesOfTheSameOutputWithout()
    {
        var with = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, SampleRegistries.Exemplars()));
        var without = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, SampleRegistries.Exemplars(recordExemplars: false)));

        var stripped = Regex.Replace(with, @" # \{[^\n]*\} \S+ \S+\n", "\n");

        Assert.NotEqual(without, with);
        Assert.Equal(without, stripped);
    }

    [Fact]
    public async Task Write_CounterWithExemplar_AppendsItToTheTotalSample()
    {
        var time = new FakeTimeProvider(SampleRegistries.Start);
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time });
        var jobs = registry.CreateCounter("jobs_total", "Jobs.").WithLabels();
        time.Advance(TimeSpan.FromSeconds(1));
        jobs.Add(0.5, Exemplar.From(("trace_id", "abc"), ("span_id", "def")));

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Equal(
            "# TYPE jobs counter\n# HELP jobs Jobs.\njobs_total 0.5 # {trace_id=\"abc\",span_id=\"def\"} 0.5 1704164646.678\njobs_created 1704164645.678\n# EOF\n",
            text);
    }

    [Fact]
    public async Task Write_HistogramWithExemplars_AppendsEachToTheBucketHoldingItsValue()
    {
        var time = new FakeTimeProvider(SampleRegistries.Start);
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time, ConstLabels = new Dictionary<string, string> { ["env"] = "test" } });
        var histogram = registry.CreateHistogram("h", "h", new HistogramOptions { Buckets = [1, 2], LabelNames = ["route"] });
        histogram.WithLabels("/").Observe(1.5, Exemplar.From("trace_id", "x"));
        time.Advance(TimeSpan.FromMilliseconds(322));
        histogram.WithLabels("/").Observe(1e7, Exemplar.From("trace_id", "y"));

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Contains(
            "h_bucket{env=\"test\",route=\"/\",le=\"1.0\"} 0\n" +
            "h_bucket{env=\"test\",route=\"/\",le=\"2.0\"} 1 # {trace_id=\"x\"} 1.5 1704164645.678\n" +
            "h_bucket{env=\"test\",route=\"/\",le=\"+Inf\"} 2 # {trace_id=\"y\"} 1e+07 1704164646.0\n" +
            "h_sum{env=\"test\",route=\"/\"} 1.00000015e+07\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_CounterWithoutTotalWithExemplar_LeavesTheExemplarOut()
    {
        // Written as type unknown, where OpenMetrics allows no exemplars.
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs", "Jobs.").Inc(Exemplar.From("trace_id", "abc"));

        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, registry));

        Assert.Equal("# TYPE jobs unknown\n# HELP jobs Jobs.\njobs 1\n# EOF\n", text);
    }

    [Fact]
    public async Task Write_LargeRegistry_WritesOneExemplarPerCounterAndHistogramSeries()
    {
        // The allocation tests write this registry, so they cover exemplars too.
        var text = Encoding.UTF8.GetString(await Render.ToBytesAsync(Format, SampleRegistries.Large(100)));

        Assert.Equal(25 + 25, Regex.Count(text, " # \\{trace_id=\"trace-"));
    }
}
