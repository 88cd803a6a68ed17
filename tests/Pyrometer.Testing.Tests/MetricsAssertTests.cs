namespace Pyrometer.Testing.Tests;

public sealed class MetricsAssertTests
{
    [Fact]
    public async Task GetValueAsync_LabelsInAnyOrder_ReadsTheSeries()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("requests_total", "Requests.", "method", "code").WithLabels("get", "200").Add(7);

        Assert.Equal(7, await MetricsAssert.GetValueAsync(registry, "requests_total{code=\"200\",method=\"get\"}"));
        Assert.Null(await MetricsAssert.GetValueAsync(registry, "requests_total{code=\"500\",method=\"get\"}"));
    }

    [Fact]
    public async Task ChangedByAsync_HistogramObservedTwice_Passes()
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("job_seconds", "Job duration.");

        await MetricsAssert.ChangedByAsync(registry, "job_seconds_count", 2, () =>
        {
            histogram.Observe(0.2);
            histogram.Observe(0.4);
        });
    }

    [Fact]
    public async Task ChangedByAsync_CounterChangedByAnotherAmount_Throws()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("jobs_total", "Jobs.");

        var failure = await Assert.ThrowsAsync<MetricsAssertionException>(() => MetricsAssert.ChangedByAsync(registry, "jobs_total", 1, () => counter.Add(2)));

        Assert.Equal("jobs_total changed by 2 (from 0 to 2), expected by 1.", failure.Message);
    }

    [Fact]
    public async Task ChangedByAsync_SelectorMissesTheRegistryConstLabel_SaysItIsNotExposedAndNamesTheSeriesOfThatName()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["service"] = "orders" } });
        var jobs = registry.CreateCounter("jobs_total", "Jobs.", "outcome");

        var failure = await Assert.ThrowsAsync<MetricsAssertionException>(
            () => MetricsAssert.ChangedByAsync(registry, "jobs_total{outcome=\"ok\"}", 1, () => jobs.WithLabels("ok").Inc()));

        Assert.Equal(
            "jobs_total{outcome=\"ok\"} is not exposed, neither before nor after the block, so it did not change by 1. " +
            "Series named jobs_total: jobs_total{service=\"orders\",outcome=\"ok\"} (a selector names every label of its series, const labels included).",
            failure.Message);
    }

    [Fact]
    public async Task ChangedByAsync_MisspeltName_SaysNoSeriesHasTheName()
    {
        var registry = new MetricRegistry();
        var jobs = registry.CreateCounter("jobs_total", "Jobs.");

        var failure = await Assert.ThrowsAsync<MetricsAssertionException>(() => MetricsAssert.ChangedByAsync(registry, "job_total", 1, () => jobs.Inc()));

        Assert.Equal("job_total is not exposed, neither before nor after the block, so it did not change by 1. No series is named job_total.", failure.Message);
    }

    [Fact]
    public async Task GetValueAsync_UnclosedLabels_ThrowsNamingTheSeries()
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => MetricsAssert.GetValueAsync(new MetricRegistry(), "jobs_total{a=\"b\""));

        Assert.Equal("series", failure.ParamName);
    }
}
