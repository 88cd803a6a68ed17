using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Pyrometer.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.HealthChecks.Tests;

public class PyrometerHealthChecksBuilderExtensionsTests
{
    [Fact]
    public async Task AddPyrometer_HostedServer_HealthyWhileListeningUnhealthyAfterStop()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddPyrometer().AddHttpListenerServer();
        builder.Services.AddHealthChecks().AddPyrometer();
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync();
        var running = await health.CheckHealthAsync();
        await host.StopAsync();
        var stopped = await health.CheckHealthAsync();

        var entry = running.Entries["pyrometer"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.StartsWith("Serving metrics on http://127.0.0.1:", (string)entry.Data["HttpListener"], StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, stopped.Entries["pyrometer"].Status);
        Assert.Equal("HttpListener: The HttpListener metrics server is not listening.", stopped.Entries["pyrometer"].Description);
    }

    [Fact]
    public async Task AddPyrometer_PusherPastItsThreshold_ReportsTheFailureStatusNamingIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPyrometerHealthSource>(new FakeSource("Pushgateway", PyrometerHealthReport.FromConsecutiveFailures(3, 3)));
        services.AddSingleton<IPyrometerHealthSource>(new FakeSource("HttpListener", PyrometerHealthReport.Healthy("Serving.")));
        services.AddHealthChecks().AddPyrometer("metrics", HealthStatus.Degraded, ["live"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["metrics"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("Pushgateway: 3 consecutive failures (unhealthy from 3).", entry.Description);
        Assert.Equal(["live"], entry.Tags);
        Assert.Equal("Serving.", entry.Data["HttpListener"]);
    }

    [Fact]
    public async Task AddPyrometer_NoComponents_Healthy()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddPyrometer();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("No Pyrometer components are hosted.", report.Entries["pyrometer"].Description);
    }

    private sealed class FakeSource(string name, PyrometerHealthReport report) : IPyrometerHealthSource
    {
        public string Name => name;

        public PyrometerHealthReport GetHealth() => report;
    }
}
