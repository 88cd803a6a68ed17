using Microsoft.Extensions.DependencyInjection;
using Pyrometer.Extensions.Hosting;
using Pyrometer.TestUtils;

namespace Pyrometer.Extensions.Hosting.HttpListener.Tests.Integration;

/// <summary>
/// A Generic Host configured from appsettings.json (a registry with a const label, the server on a chosen port and
/// path) is scraped by a real Prometheus; what it stored is read back exactly.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class HostedServerPrometheusTests(PrometheusFixture prometheus)
{
    [Fact]
    public async Task Scrape_HostedServer_PrometheusStoresTheExactValues()
    {
        var port = FreePort.Next();
        const string job = "hosted_httplistener";
        using var app = new AppSettingsHost($$"""
            {
              "Pyrometer": {
                "UseDefaultRegistry": false,
                "ConstLabels": { "service": "orders" },
                "HttpListener": { "Host": "127.0.0.1", "Port": {{port}}, "Path": "/app-metrics" }
              }
            }
            """);
        app.Builder.AddPyrometer().AddCollectCallback<QueueDepthCallback>().AddHttpListenerServer();
        using var host = app.Builder.Build();
        var registry = host.Services.GetRequiredService<MetricRegistry>();
        var processed = registry.CreateCounter("hosted_jobs_processed_total", "Jobs processed.", "outcome");
        processed.WithLabels("ok").Add(41);
        processed.WithLabels("failed").Add(2);

        await host.StartAsync();
        using var target = prometheus.AddScrapeTarget(job, port, "/app-metrics");
        var jobs = await prometheus.WaitForAsync($"hosted_jobs_processed_total{{job=\"{job}\"}}", s => s.Count == 2);
        var depth = await prometheus.WaitForValueAsync($"hosted_queue_depth{{job=\"{job}\",service=\"orders\"}}", 17);
        await host.StopAsync();

        Assert.Equal(41, jobs.Single(s => s.Labels["outcome"] == "ok").Value);
        Assert.Equal(2, jobs.Single(s => s.Labels["outcome"] == "failed").Value);
        Assert.All(jobs, s => Assert.Equal("orders", s.Labels["service"]));
        Assert.Equal("orders", depth.Labels["service"]);
    }

    /// <summary>Sets a gauge at scrape time from an injected registry.</summary>
    public sealed class QueueDepthCallback(MetricRegistry registry) : ICollectCallback
    {
        private readonly Gauge _depth = registry.CreateGauge("hosted_queue_depth", "Items waiting.");

        public ValueTask CollectAsync(CancellationToken cancellationToken)
        {
            _depth.Set(17);
            return ValueTask.CompletedTask;
        }
    }
}
