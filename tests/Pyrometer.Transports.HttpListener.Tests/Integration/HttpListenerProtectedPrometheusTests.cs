using Pyrometer.TestUtils;
using Pyrometer.Testing.Containers;
using Pyrometer.Transports.HttpListener.Tests.Fakes;

namespace Pyrometer.Transports.HttpListener.Tests.Integration;

/// <summary>A real Prometheus 2.42 scrapes an HttpListener server protected with basic auth, with the right and a wrong password.</summary>
[Collection(PrometheusCollection.Name)]
public sealed class HttpListenerProtectedPrometheusTests(PrometheusFixture prometheus)
{
    private static HttpListenerMetricsServerOptions Options(string password, ListLoggerFactory? logs = null)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("guarded_level", "Level.").Set(42.25);
        return new HttpListenerMetricsServerOptions { Registry = registry, BasicAuthUsername = "prometheus", BasicAuthPassword = password, LoggerFactory = logs };
    }

    [Fact]
    public async Task Scrape_WithBasicAuth_IsUpWithExactValue()
    {
        await using var server = new HttpListenerMetricsServer(Options("s3cret"));
        await server.StartAsync();
        await using var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("httplistener-basic", server.MetricsUrl!.Port)
        {
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "s3cret",
        });

        await prometheus.WaitForValueAsync("up{job=\"httplistener-basic\"}", 1);
        await prometheus.WaitForValueAsync("guarded_level{job=\"httplistener-basic\"}", 42.25);
    }

    [Fact]
    public async Task Scrape_WithWrongPassword_IsDownAndTheRefusalIsLogged()
    {
        var logs = new ListLoggerFactory();
        await using var server = new HttpListenerMetricsServer(Options("s3cret", logs));
        await server.StartAsync();
        await using var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("httplistener-denied", server.MetricsUrl!.Port)
        {
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "not-it",
        });

        await prometheus.WaitForValueAsync("up{job=\"httplistener-denied\"}", 0);
        Assert.Contains(logs.Entries, e => e.Message.Contains("refused with 401 (wrong basic-auth user name or password)"));
        Assert.Empty(await prometheus.QueryAsync("guarded_level{job=\"httplistener-denied\"}"));
    }
}
