using Pyrometer.Testing.Containers;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Testing.Tests.Containers;

[Collection(PrometheusCollection.Name)]
public sealed class PrometheusContainerTests(PrometheusFixture prometheus)
{
    [Fact]
    public async Task AddScrapeTarget_PrometheusItself_UpIsOne()
    {
        using var target = prometheus.AddScrapeTarget("self-scrape", prometheus.Port);

        var sample = await prometheus.WaitForValueAsync("up{job=\"self-scrape\"}", 1);

        Assert.Equal($"127.0.0.1:{prometheus.Port}", sample.Labels["instance"]);
    }

    [Fact]
    public async Task AddScrapeTarget_ExtraLabels_AttachedToScrapedSeries()
    {
        var target = new ScrapeTarget("labelled", prometheus.Port) { Labels = new Dictionary<string, string> { ["team"] = "metrics" } };
        using var registration = prometheus.AddScrapeTarget(target);

        var samples = await prometheus.WaitForAsync("prometheus_build_info{job=\"labelled\"}", result => result.Count == 1);

        Assert.Equal("metrics", samples[0].Labels["team"]);
        Assert.Equal("prometheus_build_info", samples[0].MetricName);
    }

    [Fact]
    public async Task AddScrapeTarget_HandleDisposed_TargetDropped()
    {
        var registration = prometheus.AddScrapeTarget("dropped", prometheus.Port);
        await prometheus.WaitForValueAsync("up{job=\"dropped\"}", 1);

        registration.Dispose();

        await prometheus.WaitForAsync("up{job=\"dropped\"}", result => result.Count == 0);
        Assert.DoesNotContain(await prometheus.GetTargetsAsync(), t => t.Job == "dropped");
    }

    [Fact]
    public async Task AddScrapeTarget_NothingListening_TargetDownWithError()
    {
        using var target = prometheus.AddScrapeTarget("nothing-there", FreePort.Next());

        await prometheus.WaitForValueAsync("up{job=\"nothing-there\"}", 0);

        var health = await prometheus.WaitForTargetAsync("nothing-there", t => t.Health == "down");
        Assert.Contains("connection refused", health.LastError);
        Assert.Equal("nothing-there", health.Job);
    }

    [Fact]
    public async Task WaitForTargetAsync_NoSuchJob_TimeoutNamesTheJob()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => prometheus.WaitForTargetAsync("no-such-job", _ => true, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("the target of job 'no-such-job' did not give the awaited result within 0.3 s. Last result: empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScrapeJobAsync_BasicAuthJob_ScrapedThenDroppedWhenDisposed()
    {
        // Prometheus ignores credentials it is not asked for, so scraping itself with basic_auth is up.
        var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("own-job", prometheus.Port) { BasicAuthUsername = "u", BasicAuthPassword = "p" });
        await prometheus.WaitForValueAsync("up{job=\"own-job\"}", 1);

        await job.DisposeAsync();

        // A reload that drops a job stops its scrapes at once (Prometheus 2.42 writes no stale markers for it, so
        // the last sample stays queryable for the lookback period): the target list is what shows it gone.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await prometheus.GetTargetsAsync()).Any(t => t.Job == "own-job") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.DoesNotContain(await prometheus.GetTargetsAsync(), t => t.Job == "own-job");
    }

    [Fact]
    public async Task AddScrapeJobAsync_HttpsAgainstPlainHttp_TargetDownWithTlsError()
    {
        await using var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("tls-to-plain", prometheus.Port) { Scheme = "https", InsecureSkipVerify = true });

        await prometheus.WaitForValueAsync("up{job=\"tls-to-plain\"}", 0);

        var target = Assert.Single(await prometheus.GetTargetsAsync(), t => t.Job == "tls-to-plain");
        Assert.StartsWith("https://", target.ScrapeUrl);
    }

    [Fact]
    public async Task AddScrapeJobAsync_UnknownScheme_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => prometheus.AddScrapeJobAsync(new ScrapeJob("ftp", prometheus.Port) { Scheme = "ftp" }));
    }

    [Fact]
    public void AddScrapeTarget_ReservedLabel_Throws()
    {
        var target = new ScrapeTarget("reserved", prometheus.Port) { Labels = new Dictionary<string, string> { ["instance"] = "x" } };

        Assert.Throws<ArgumentException>(() => prometheus.AddScrapeTarget(target));
    }

    [Fact]
    public async Task QueryAsync_Scalar_OneUnlabelledSample()
    {
        var samples = await prometheus.QueryAsync("scalar(vector(2.5))");

        var sample = Assert.Single(samples);
        Assert.Equal(2.5, sample.Value);
        Assert.Empty(sample.Labels);
    }

    [Fact]
    public async Task QueryAsync_SpecialValues_Parsed()
    {
        var samples = await prometheus.QueryAsync("vector(1/0) or label_replace(vector(-1/0), \"sign\", \"minus\", \"\", \"\")");

        Assert.Equal(2, samples.Count);
        Assert.Contains(samples, s => double.IsPositiveInfinity(s.Value));
        Assert.Contains(samples, s => double.IsNegativeInfinity(s.Value) && s.Labels["sign"] == "minus");
    }

    [Fact]
    public async Task QueryAsync_InvalidPromql_ThrowsWithPrometheusError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.QueryAsync("up{"));

        Assert.Contains("bad_data", error.Message);
    }

    [Fact]
    public async Task WaitForAsync_ConditionNeverMet_TimeoutNamesQueryAndTargets()
    {
        using var target = prometheus.AddScrapeTarget("never-met", prometheus.Port);

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => prometheus.WaitForAsync("vector(1)", result => result.Count == 2, TimeSpan.FromSeconds(1)));

        Assert.Contains("'vector(1)'", error.Message);
        Assert.Contains("{} 1", error.Message);
    }

    [Fact]
    public async Task GetSeriesAsync_ScrapedTarget_ReturnsItsLabelSets()
    {
        using var target = prometheus.AddScrapeTarget("series-lookup", prometheus.Port);
        await prometheus.WaitForValueAsync("up{job=\"series-lookup\"}", 1);

        var series = await prometheus.GetSeriesAsync(["up{job=\"series-lookup\"}", "prometheus_build_info{job=\"series-lookup\"}"]);

        Assert.Equal(["prometheus_build_info", "up"], series.Select(labels => labels["__name__"]).Order(StringComparer.Ordinal));
        Assert.All(series, labels => Assert.Equal($"127.0.0.1:{prometheus.Port}", labels["instance"]));
    }

    [Fact]
    public async Task GetSeriesAsync_NoMatch_Empty()
    {
        var series = await prometheus.GetSeriesAsync(["up{job=\"no-such-job\"}"]);

        Assert.Empty(series);
    }

    [Fact]
    public async Task GetSeriesAsync_NoSelector_ThrowsNamingArgument()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => prometheus.GetSeriesAsync([]));

        Assert.Equal("matchers", error.ParamName);
    }

    [Fact]
    public async Task GetSeriesAsync_InvalidSelector_ThrowsWithPrometheusError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.GetSeriesAsync(["up{"]));

        Assert.Contains("series 'up{'", error.Message);
        Assert.Contains("bad_data", error.Message);
    }

    [Fact]
    public async Task GetMetadataAsync_ScrapedGauge_TypeAndHelpFromTarget()
    {
        using var target = prometheus.AddScrapeTarget("metadata-lookup", prometheus.Port);
        await prometheus.WaitForValueAsync("up{job=\"metadata-lookup\"}", 1);

        var metadata = await prometheus.GetMetadataAsync("prometheus_build_info");

        var entry = Assert.Single(metadata);
        Assert.Equal("prometheus_build_info", entry.Metric);
        Assert.Equal("gauge", entry.Type);
        Assert.Contains("build", entry.Help);
    }

    [Fact]
    public async Task GetMetadataAsync_CounterScrapedAsOpenMetrics_FoundByItsSampleName()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("metadata_jobs_total", "Jobs done.").Inc();
        await using var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Registry = registry });
        await server.StartAsync();
        using var target = prometheus.AddScrapeTarget("metadata-counter", server.MetricsUrl!.Port);
        await prometheus.WaitForValueAsync("metadata_jobs_total{job=\"metadata-counter\"}", 1);

        // Prometheus asks for OpenMetrics first, whose TYPE line names the family without _total.
        var entry = Assert.Single(await prometheus.GetMetadataAsync("metadata_jobs_total"));

        Assert.Equal("metadata_jobs", entry.Metric);
        Assert.Equal("counter", entry.Type);
        Assert.Equal("Jobs done.", entry.Help);
    }

    [Fact]
    public async Task GetMetadataAsync_UnknownMetric_Empty()
    {
        Assert.Empty(await prometheus.GetMetadataAsync("no_such_metric_anywhere"));
    }

    [Fact]
    public async Task StartAsync_AlreadyStarted_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => prometheus.StartAsync());

        Assert.Contains("started already", error.Message);
    }

    [Fact]
    public void RemoteWriteEndpoint_ReceiverOff_ThrowsNamingOption()
    {
        var error = Assert.Throws<InvalidOperationException>(() => prometheus.RemoteWriteEndpoint);

        Assert.Contains("PrometheusContainerOptions.RemoteWriteReceiver", error.Message);
    }
}
