using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Metrics.Tests.Integration;

/// <summary>
/// A real ASP.NET Core app on a loopback port with the bridge on, its registry served by
/// <see cref="HttpListenerMetricsServer"/> and scraped by a real Prometheus, read back through its query API.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class AspNetCorePrometheusTests(PrometheusFixture prometheus)
{
    private const int Requests = 7;

    [Fact]
    public async Task Scrape_AspNetCoreAppWithBridge_RequestCountProcessAndRuntimeSeries()
    {
        var registry = new MetricRegistry();
        using var bridge = registry.AddMeterBridge(o => o.Meters.Add("Microsoft.AspNetCore.*"));
        using var processMetrics = registry.AddProcessMetrics();
        using var runtimeMetrics = registry.AddRuntimeMetrics();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/hello/{name}", (string name) => $"hello {name}");
        await app.StartAsync();

        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) })
        {
            for (var i = 0; i < Requests; i++)
            {
                Assert.Equal($"hello n{i}", await client.GetStringAsync(new Uri($"/hello/n{i}", UriKind.Relative)));
            }
        }

        await using var server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions { Registry = registry });
        await server.StartAsync();
        const string job = "aspnetcore-bridge";
        using var target = prometheus.AddScrapeTarget(job, server.MetricsUrl!.Port);

        var count = await prometheus.WaitForValueAsync(
            $"http_server_request_duration_seconds_count{{job=\"{job}\",http_route=\"/hello/{{name}}\"}}", Requests);
        Assert.Equal("GET", count.Labels["http_request_method"]);
        Assert.Equal("200", count.Labels["http_response_status_code"]);

        // Each query waits for its result: a scrape that fails on a loaded machine (past the 1 s timeout) marks the
        // target's series stale until the next one, so a query made once after another may find them gone.
        var resident = Assert.Single(await prometheus.WaitForAsync($"process_resident_memory_bytes{{job=\"{job}\"}}", s => s.Count == 1));
        Assert.True(resident.Value > 0);
        var started = Assert.Single(await prometheus.WaitForAsync($"process_start_time_seconds{{job=\"{job}\"}}", s => s.Count == 1));
        using var self = Process.GetCurrentProcess();
        Assert.Equal(new DateTimeOffset(self.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0, started.Value, 0.01);

        // The test host started before this test, however long the run has been going (the other test assemblies
        // share the machine), and not in the future.
        Assert.InRange(started.Value, DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(Assert.Single(await prometheus.WaitForAsync($"process_cpu_seconds_total{{job=\"{job}\"}}", s => s.Count == 1)).Value > 0);
        Assert.True(Assert.Single(await prometheus.WaitForAsync($"dotnet_gc_heap_total_allocated_bytes_total{{job=\"{job}\"}}", s => s.Count == 1)).Value > 0);
        await prometheus.WaitForAsync($"dotnet_gc_collections_total{{job=\"{job}\"}}", s => s.Count == 3);
        Assert.True(Assert.Single(await prometheus.WaitForAsync($"dotnet_thread_pool_thread_count{{job=\"{job}\"}}", s => s.Count == 1)).Value >= 1);
    }
}
