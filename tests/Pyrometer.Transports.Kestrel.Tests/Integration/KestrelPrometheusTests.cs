using Microsoft.AspNetCore.Builder;
using Pyrometer.TestUtils;
using Pyrometer.Testing.Containers;
using Pyrometer.Transports.Kestrel.Tests.Fakes;

namespace Pyrometer.Transports.Kestrel.Tests.Integration;

/// <summary>
/// A real Prometheus 2.42 scrapes the endpoint mapped in a WebApplication and the standalone server over HTTPS
/// (<c>tls_config.ca_file</c> with a certificate made here) with <c>basic_auth</c>; values are read back by PromQL.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class KestrelPrometheusTests(PrometheusFixture prometheus)
{
    private static MetricRegistry Registry(string prefix)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge($"{prefix}_temperature_celsius", "Temperature.").Set(-12.5);
        var events = registry.CreateCounter($"{prefix}_events_total", "Events.", "kind");
        events.WithLabels("a").Add(3);
        return registry;
    }

    [Fact]
    public async Task Scrape_EndpointInAWebApplication_IsUpWithExactValues()
    {
        await using var app = await RunningApp.StartAsync(null, a =>
        {
            a.MapGet("/", () => "app");
            a.MapPyrometerMetrics("/internal/metrics", o => o.Registry = Registry("ep"));
        });
        using var target = prometheus.AddScrapeTarget("kestrel-endpoint", app.BaseUrl.Port, "/internal/metrics");

        await prometheus.WaitForValueAsync("up{job=\"kestrel-endpoint\"}", 1);
        await prometheus.WaitForValueAsync("ep_temperature_celsius{job=\"kestrel-endpoint\"}", -12.5);
        await prometheus.WaitForValueAsync("ep_events_total{job=\"kestrel-endpoint\",kind=\"a\"}", 3);
    }

    [Fact]
    public async Task Scrape_StandaloneServerOverHttpsWithBasicAuth_IsUpWithExactValues()
    {
        using var certificate = TestCertificate.Create();
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions
        {
            Registry = Registry("tls"),
            Certificate = certificate,
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "s3cret",
        });
        await server.StartAsync();
        await using var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("kestrel-https", server.MetricsUrl!.Port)
        {
            Scheme = "https",
            CaCertificatePem = certificate.ExportCertificatePem(),
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "s3cret",
        });

        await prometheus.WaitForValueAsync("up{job=\"kestrel-https\"}", 1);
        await prometheus.WaitForValueAsync("tls_temperature_celsius{job=\"kestrel-https\"}", -12.5);
        await prometheus.WaitForValueAsync("tls_events_total{job=\"kestrel-https\",kind=\"a\"}", 3);
    }

    [Fact]
    public async Task Scrape_StandaloneServerWithWrongCredentials_IsDownAndTheRefusalIsLogged()
    {
        var logs = new ListLoggerFactory();
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions
        {
            Registry = Registry("denied"),
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "s3cret",
            LoggerFactory = logs,
        });
        await server.StartAsync();
        await using var job = await prometheus.AddScrapeJobAsync(new ScrapeJob("kestrel-denied", server.MetricsUrl!.Port)
        {
            BasicAuthUsername = "prometheus",
            BasicAuthPassword = "wrong",
        });

        await prometheus.WaitForValueAsync("up{job=\"kestrel-denied\"}", 0);

        // The error of the last scrape: on a loaded machine one may time out instead of being refused.
        await prometheus.WaitForTargetAsync("kestrel-denied", t => t.LastError.Contains("401", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId == 10 && e.Message.Contains("wrong basic-auth user name or password"));
        Assert.Empty(await prometheus.QueryAsync("denied_temperature_celsius"));
    }
}
