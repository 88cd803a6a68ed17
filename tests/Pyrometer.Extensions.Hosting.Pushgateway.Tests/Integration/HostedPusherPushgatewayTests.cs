using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.HttpListener.Tests;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Tests.Integration;

[Collection(PushgatewayCollection.Name)]
public class HostedPusherPushgatewayTests(PushgatewayFixture gateway)
{
    private const string Metric = "hosted_pushed_events_total";

    [Fact]
    public async Task StopAsync_AfterChanges_FinalPushLandsTheExactTotalWithinTheShutdownTimeout()
    {
        // An interval longer than the test: after the first push, only the final one can carry the 4.
        using var app = HostFor("final-push", """ "Interval": "00:05:00", "GroupingKey": { "instance": "host a" } """);
        using var host = app.Builder.Build();
        var events = host.Services.GetRequiredService<MetricRegistry>().CreateCounter(Metric, "Events.");
        events.Add(3);
        await host.StartAsync();
        var first = await GatewayMetrics.WaitForAsync(gateway, Metric, "final-push", 3);
        events.Add(4);

        var clock = Stopwatch.StartNew();
        await host.StopAsync();
        clock.Stop();
        var final = await GatewayMetrics.ValueAsync(gateway, Metric, "final-push");

        Assert.Equal(3, first);
        Assert.Equal(7, final);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"StopAsync took {clock.Elapsed}, past the shutdown timeout.");
        Assert.Contains($"{Metric}{{instance=\"host a\",job=\"final-push\"}} 7", await gateway.GetMetricsTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnItsInterval_PushesEveryChangeWithoutStopping()
    {
        using var app = HostFor("interval", """ "Interval": "00:00:00.500", "Resilience": { "MaxRetryAttempts": 0, "AttemptTimeout": "00:00:00.450" } """);
        using var host = app.Builder.Build();
        var events = host.Services.GetRequiredService<MetricRegistry>().CreateCounter(Metric, "Events.");
        events.Add(2);
        await host.StartAsync();
        var first = await GatewayMetrics.WaitForAsync(gateway, Metric, "interval", 2);
        events.Add(5);
        var later = await GatewayMetrics.WaitForAsync(gateway, Metric, "interval", 7);
        var successes = host.Services.GetRequiredService<PeriodicPushgatewayPusher>().Status.Successes;
        await host.StopAsync();

        Assert.Equal(2, first);
        Assert.Equal(7, later);
        Assert.True(successes >= 2, $"{successes} pushes succeeded.");
    }

    [Fact]
    public async Task StopAsync_DeleteOnStop_RemovesTheGroupAfterTheFinalPush()
    {
        using var app = HostFor("delete-on-stop", """ "Interval": "00:05:00", "DeleteOnStop": true """);
        using var host = app.Builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateCounter(Metric, "Events.").Add(1);
        await host.StartAsync();
        var pushed = await GatewayMetrics.WaitForAsync(gateway, Metric, "delete-on-stop", 1);

        await host.StopAsync();

        Assert.Equal(1, pushed);
        Assert.Null(await GatewayMetrics.ValueAsync(gateway, Metric, "delete-on-stop"));
    }

    [Fact]
    public async Task DisposeHost_WithoutStopping_LeavesNoTimerPushing()
    {
        using var app = HostFor("disposed", """ "Interval": "00:00:00.200", "Resilience": { "MaxRetryAttempts": 0, "AttemptTimeout": "00:00:00.150" } """);
        var host = app.Builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateCounter(Metric, "Events.").Add(1);
        await host.StartAsync();
        var pushed = await GatewayMetrics.WaitForAsync(gateway, Metric, "disposed", 1);

        host.Dispose();
        using (var client = new HttpClient())
        {
            using var deleted = await client.DeleteAsync(new Uri(gateway.BaseAddress, "metrics/job/disposed"));
            deleted.EnsureSuccessStatusCode();
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, pushed);
        Assert.Null(await GatewayMetrics.ValueAsync(gateway, Metric, "disposed"));
    }

    [Fact]
    public async Task AddPushgateway_HttpClientFactory_SendsThroughTheAppsNamedClientWithTheConfiguredHeaders()
    {
        var seen = new RecordingHandler();
        using var app = HostFor("named-client", """ "Interval": "00:05:00", "Http": { "Headers": { "X-Tenant": "t1" }, "BearerToken": "token-1" } """);
        app.Builder.Services.AddHttpClient("pushgateway").AddHttpMessageHandler(() => seen);
        app.Builder.AddPyrometer().AddPushgateway(_ => { }, h => h.HttpClientFactory = sp => sp.GetRequiredService<IHttpClientFactory>().CreateClient("pushgateway"));
        using var host = app.Builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateCounter(Metric, "Events.").Add(5);

        await host.StartAsync();
        var pushed = await GatewayMetrics.WaitForAsync(gateway, Metric, "named-client", 5);
        await host.StopAsync();

        Assert.Equal(5, pushed);
        var first = Assert.IsType<HttpRequestMessage>(seen.First);
        Assert.Equal(HttpMethod.Put, first.Method);
        Assert.Equal(["t1"], first.Headers.GetValues("X-Tenant"));
        Assert.Equal(new AuthenticationHeaderValue("Bearer", "token-1"), first.Headers.Authorization);
    }

    private AppSettingsHost HostFor(string job, string settings)
    {
        var app = new AppSettingsHost($$"""
            { "Pyrometer": { "UseDefaultRegistry": false, "Pushgateway": { "Endpoint": "{{gateway.BaseAddress}}", "Job": "{{job}}", {{settings}} } } }
            """);
        app.Builder.AddPyrometer().AddPushgateway();
        return app;
    }

    private sealed class RecordingHandler : DelegatingHandler
    {
        public HttpRequestMessage? First { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            First ??= request;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
