namespace Pyrometer.Testing.Tests;

public sealed class MetricsTextTests
{
    private const string Expected = """
        # HELP jobs_total Jobs done.
        # TYPE jobs_total counter
        jobs_total{outcome="ok"} 2
        # HELP queue_length Queued jobs.
        # TYPE queue_length gauge
        queue_length 5
        """;

    [Fact]
    public async Task AssertMatchesAsync_SameExposition_Passes()
    {
        await MetricsText.AssertMatchesAsync(Registry(jobs: 2), Expected);
    }

    [Fact]
    public async Task AssertMatchesAsync_DifferentValue_NamesTheDifferingLine()
    {
        var failure = await Assert.ThrowsAsync<MetricsAssertionException>(() => MetricsText.AssertMatchesAsync(Registry(jobs: 3), Expected));

        Assert.Contains("Line 3 differs:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("expected: jobs_total{outcome=\"ok\"} 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("actual:   jobs_total{outcome=\"ok\"} 3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IgnoreHelpAndOrder_MatchesReorderedTextWithoutHelp()
    {
        const string Actual = "# TYPE queue_length gauge\nqueue_length 5\n# HELP jobs_total Other help.\n# TYPE jobs_total counter\njobs_total{outcome=\"ok\"} 2\n";

        Assert.Null(MetricsText.Compare(Expected, Actual, TextComparison.IgnoreHelp | TextComparison.IgnoreOrder));
        Assert.NotNull(MetricsText.Compare(Expected, Actual, TextComparison.IgnoreOrder));
        Assert.NotNull(MetricsText.Compare(Expected, Actual, TextComparison.IgnoreHelp));
    }

    [Fact]
    public void Compare_IgnoreOrderWithMissingAndExtraLines_NamesBoth()
    {
        var difference = MetricsText.Compare("a 1\nb 2\n", "b 2\nc 3\n", TextComparison.IgnoreOrder);

        Assert.Equal($"The expositions differ (in any order):{Environment.NewLine}  missing:    a 1{Environment.NewLine}  unexpected: c 3", difference);
    }

    [Fact]
    public void Compare_ActualHasAnExtraLine_NamesIt()
    {
        var difference = MetricsText.Compare("a 1\n", "a 1\nb 2\n");

        Assert.Equal($"Line 2 is unexpected:{Environment.NewLine}  expected: (end of expected text){Environment.NewLine}  actual:   b 2", difference);
    }

    private static MetricRegistry Registry(double jobs)
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs done.", "outcome").WithLabels("ok").Add(jobs);
        registry.CreateGauge("queue_length", "Queued jobs.").Set(5);
        return registry;
    }
}
