using Pyrometer.TestUtils;

namespace Pyrometer.Transports.HttpListener.Tests.Integration;

/// <summary>
/// A real Prometheus 2.42 scrapes the server in text 0.0.4, in OpenMetrics and by its own negotiation; what it
/// stored is read back through its query API.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class HttpListenerMetricsServerPrometheusTests : IClassFixture<ScrapedServers>
{
    private readonly PrometheusFixture _prometheus;
    private readonly ScrapedServers _servers;

    public HttpListenerMetricsServerPrometheusTests(PrometheusFixture prometheus, ScrapedServers servers)
    {
        _prometheus = prometheus;
        _servers = servers;
        servers.EnsureScraped(prometheus);
    }

    public static TheoryData<string> Jobs => [ScrapedServers.TextJob, ScrapedServers.OpenMetricsJob, ScrapedServers.NegotiatedJob];

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_Target_IsUp(string job)
    {
        await _prometheus.WaitForValueAsync($"up{{job=\"{job}\"}}", 1);

        var target = await _prometheus.WaitForTargetAsync(job, t => t.Health == "up");
        Assert.Equal("", target.LastError);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_Counter_ValuesPerLabel(string job)
    {
        var samples = await _prometheus.WaitForAsync($"it_events_total{{job=\"{job}\"}}", s => s.Count == 2);

        Assert.Equal(3, samples.Single(s => s.Labels["kind"] == "a").Value);
        Assert.Equal(2.5, samples.Single(s => s.Labels["kind"] == "b").Value);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_Gauge_Value(string job)
    {
        await _prometheus.WaitForValueAsync($"it_temperature_celsius{{job=\"{job}\"}}", -12.5);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_Histogram_BucketsCountSumAndQuantile(string job)
    {
        var selector = $"job=\"{job}\"";
        await _prometheus.WaitForValueAsync($"it_latency_seconds_count{{{selector}}}", 50);

        await _prometheus.WaitForValueAsync($"it_latency_seconds_bucket{{{selector},le=\"0.1\"}}", 10);
        await _prometheus.WaitForValueAsync($"it_latency_seconds_bucket{{{selector},le=\"0.5\"}}", 30);
        await _prometheus.WaitForValueAsync($"it_latency_seconds_bucket{{{selector},le=\"+Inf\"}}", 50);
        // Each query waits for its result: a scrape that fails on a loaded machine (past the 1 s timeout) marks the
        // target's series stale until the next one, so a query made once after another may find them gone.
        var sum = Assert.Single(await _prometheus.WaitForAsync($"it_latency_seconds_sum{{{selector}}}", s => s.Count == 1));
        Assert.Equal((10 * 0.05) + (20 * 0.3) + (10 * 0.7) + (10 * 3), sum.Value, 9);
        await _prometheus.WaitForAsync($"it_latency_seconds_bucket{{{selector}}}", s => s.Count == 5);

        // Rank 25 of 50 lies in (0.1, 0.5], which holds ranks 11 to 30: 0.1 + 0.4 * 15/20.
        var median = Assert.Single(await _prometheus.WaitForAsync($"histogram_quantile(0.5, it_latency_seconds_bucket{{{selector}}})", s => s.Count == 1));
        Assert.Equal(0.4, median.Value, 9);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_Summary_QuantilesCountAndSum(string job)
    {
        var selector = $"job=\"{job}\"";
        var quantiles = await _prometheus.WaitForAsync($"it_request_size_bytes{{{selector}}}", s => s.Count == 3);

        // Observations 1..100; the default targets allow a rank error of 5, 1 and 0.1 percent.
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.5").Value, 45, 55);
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.9").Value, 89, 91);
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.99").Value, 98, 100);
        await _prometheus.WaitForValueAsync($"it_request_size_bytes_count{{{selector}}}", 100);
        await _prometheus.WaitForValueAsync($"it_request_size_bytes_sum{{{selector}}}", 5050);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Scrape_TrickyLabelValues_ComeBackExactly(string job)
    {
        var samples = await _prometheus.WaitForAsync(
            $"it_labelled_total{{job=\"{job}\"}}",
            s => s.Count == ScrapedServers.TrickyLabelValues.Length);

        // Prometheus treats an empty label value as no label at all.
        var values = samples.Select(s => s.Labels.TryGetValue("value", out var v) ? v : "").Order(StringComparer.Ordinal);
        Assert.Equal(ScrapedServers.TrickyLabelValues.Order(StringComparer.Ordinal), values);
        Assert.All(samples, s => Assert.Equal(1, s.Value));
    }

    [Fact]
    public async Task Scrape_BothFormatsOffered_PrometheusNegotiatesOpenMetrics()
    {
        await _prometheus.WaitForValueAsync($"up{{job=\"{ScrapedServers.NegotiatedJob}\"}}", 1);

        Assert.True(_servers.NegotiatedOpenMetrics.Writes > 0);
        Assert.Equal(0, _servers.NegotiatedText.Writes);
    }
}
