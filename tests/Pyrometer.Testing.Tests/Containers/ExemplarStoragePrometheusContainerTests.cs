using Pyrometer.Exposition;
using Pyrometer.Formats.Text;
using Pyrometer.Testing.Containers;
using Pyrometer.Transports.HttpListener;
using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

public sealed class ExemplarStoragePrometheusContainerTests(ExemplarStoragePrometheusFixture prometheus) : IClassFixture<ExemplarStoragePrometheusFixture>
{
    [Fact]
    public async Task WaitForExemplarsAsync_ScrapedOpenMetricsCounter_ReturnsItsTraceId()
    {
        const string Job = "exemplar-counter";
        await using var server = await ServeOpenMetricsAsync(registry =>
            registry.CreateCounter("ex_jobs_total", "Jobs.").Add(2, Exemplar.From("trace_id", "trace-abc")));
        using var target = prometheus.AddScrapeTarget(Job, server.MetricsUrl!.Port);

        var exemplars = await prometheus.WaitForExemplarsAsync($"ex_jobs_total{{job=\"{Job}\"}}", found => found.Count > 0);

        var exemplar = Assert.Single(exemplars);
        Assert.Equal("ex_jobs_total", exemplar.MetricName);
        Assert.Equal(Job, exemplar.SeriesLabels["job"]);
        Assert.Equal("trace-abc", Assert.Single(exemplar.Labels).Value);
        Assert.Equal(2, exemplar.Value);
        Assert.InRange(exemplar.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains("trace_id=\"trace-abc\"", exemplar.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExemplarsAsync_RangeEndingBeforeTheRecording_Empty()
    {
        const string Job = "exemplar-range";
        await using var server = await ServeOpenMetricsAsync(registry =>
            registry.CreateHistogram("ex_latency_seconds", "Latency.", new HistogramOptions { Buckets = [1] }).Observe(0.5, Exemplar.From("trace_id", "old")));
        using var target = prometheus.AddScrapeTarget(Job, server.MetricsUrl!.Port);
        var selector = $"ex_latency_seconds_bucket{{job=\"{Job}\"}}";
        var stored = Assert.Single(await prometheus.WaitForExemplarsAsync(selector, found => found.Count > 0));

        var before = await prometheus.GetExemplarsAsync(selector, stored.Timestamp.AddHours(-1), stored.Timestamp.AddSeconds(-1));
        var around = await prometheus.GetExemplarsAsync(selector, stored.Timestamp.AddSeconds(-1), stored.Timestamp.AddSeconds(1));

        Assert.Empty(before);
        Assert.Equal("old", Assert.Single(around).Labels["trace_id"]);
        Assert.Equal(1, double.Parse(Assert.Single(around).SeriesLabels["le"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetExemplarsAsync_BadSelector_ThrowsWithPrometheusError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.GetExemplarsAsync("ex_jobs_total{"));

        Assert.Contains("ex_jobs_total{", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad_data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetExemplarsAsync_ExemplarStorageOff_ThrowsNamingTheOption()
    {
        await using var plain = new PrometheusContainer(LocalImages.PrometheusOptions());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => plain.GetExemplarsAsync("up"));

        Assert.Contains(nameof(PrometheusContainerOptions.ExemplarStorage), error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpListenerMetricsServer> ServeOpenMetricsAsync(Action<MetricRegistry> record)
    {
        var registry = new MetricRegistry();
        record(registry);
        var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
        {
            Registry = registry,
            Formats = new ExpositionFormatCollection().Add(TextFormats.OpenMetrics),
        });
        await server.StartAsync();
        return server;
    }
}
