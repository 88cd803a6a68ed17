namespace Pyrometer.Testing.Tests;

public sealed class MetricsLintTests
{
    [Fact]
    public async Task LintAsync_WellNamedFamilies_FindsNothing()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        registry.CreateHistogram("job_duration_seconds", "Job duration.").Observe(1);

        Assert.Empty(await MetricsLint.LintAsync(registry));
        await MetricsLint.AssertCleanAsync(registry);
    }

    [Fact]
    public void Lint_BrokenRules_NamesEachFamilyAndRule()
    {
        const string Exposition = """
            # TYPE jobs counter
            jobs 1
            # HELP queue_total Queue.
            # TYPE queue_total gauge
            queue_total 2
            # HELP latency_milliseconds Latency.
            # TYPE latency_milliseconds gauge
            latency_milliseconds 3
            # HELP cacheHits Hits.
            # TYPE cacheHits gauge
            cacheHits 4
            """;

        var problems = MetricsLint.Lint(Exposition.Replace("\r", "", StringComparison.Ordinal));

        Assert.Equal(
            [
                "jobs: no help text",
                "jobs: counter metrics should have \"_total\" suffix",
                "queue_total: non-counter metrics should not have \"_total\" suffix",
                "latency_milliseconds: use base unit \"seconds\" instead of \"milliseconds\"",
                "cacheHits: metric names should be written in 'snake_case' not 'camelCase'",
            ],
            problems);
    }
}
