using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.TestUtils;
using Pyrometer.Transports.RemoteWrite;

namespace Pyrometer.Extensions.Hosting.RemoteWrite.Tests;

public class RemoteWritePyrometerBuilderExtensionsTests(RemoteWriteReceiverPrometheusFixture prometheus) : IClassFixture<RemoteWriteReceiverPrometheusFixture>
{
    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPyrometer().AddRemoteWrite();
        return builder;
    }

    [Fact]
    public async Task AddRemoteWrite_FromConfiguration_SendsTheInjectedRegistryAndFlushesOnShutdown()
    {
        using var host = Builder(new()
        {
            ["Pyrometer:RemoteWrite:Endpoint"] = prometheus.RemoteWriteEndpoint.AbsoluteUri,
            ["Pyrometer:RemoteWrite:Interval"] = "00:00:00.500",
            ["Pyrometer:RemoteWrite:ExternalLabels:job"] = "hosted_rw",
            ["Pyrometer:RemoteWrite:Http:Headers:X-Scope-OrgID"] = "tenant-1",
            ["Pyrometer:RemoteWrite:Resilience:MaxRetryAttempts"] = "1",
        }).Build();
        var counter = host.Services.GetRequiredService<MetricRegistry>().CreateCounter("hosted_rw_items_total", "Items.");

        await host.StartAsync();
        counter.Add(5);
        await host.StopAsync();

        await prometheus.WaitForAsync("hosted_rw_items_total{job=\"hosted_rw\"}", s => s.Count == 1 && s[0].Value == 5);
        var health = Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
        Assert.True(health.GetHealth().IsHealthy);
        Assert.Same(host.Services.GetRequiredService<RemoteWriteSender>(), host.Services.GetRequiredService<RemoteWriteSender>());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(null, false)]
    public void AddRemoteWrite_SendExemplarsInConfiguration_BoundToTheOptions(string? setting, bool expected)
    {
        using var host = Builder(new()
        {
            ["Pyrometer:RemoteWrite:Endpoint"] = prometheus.RemoteWriteEndpoint.AbsoluteUri,
            ["Pyrometer:RemoteWrite:SendExemplars"] = setting,
        }).Build();

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<RemoteWriteSenderOptions>>().Value.SendExemplars);
    }

    [Fact]
    public async Task AddRemoteWrite_InvalidSetting_HostFailsAtStartNamingIt()
    {
        using var host = Builder(new()
        {
            ["Pyrometer:RemoteWrite:Endpoint"] = prometheus.RemoteWriteEndpoint.AbsoluteUri,
            ["Pyrometer:RemoteWrite:MaxQueuedRequests"] = "0",
        }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pyrometer:RemoteWrite: MaxQueuedRequests is 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRemoteWrite_UnparsableSetting_HostFailsAtStartNamingIt()
    {
        using var host = Builder(new()
        {
            ["Pyrometer:RemoteWrite:Endpoint"] = prometheus.RemoteWriteEndpoint.AbsoluteUri,
            ["Pyrometer:RemoteWrite:Resilience:MaxRetryAttempts"] = "many",
        }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pyrometer:RemoteWrite:Resilience:MaxRetryAttempts", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRemoteWrite_NoEndpoint_HostFailsAtStartNamingIt()
    {
        using var host = Builder([]).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pyrometer:RemoteWrite: Endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRemoteWrite_PathAsEndpoint_HostFailsAtStartNamingThePathAsWritten()
    {
        using var host = Builder(new() { ["Pyrometer:RemoteWrite:Endpoint"] = "/api/v1/write" }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Pyrometer:RemoteWrite: Endpoint is '/api/v1/write':", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", failure.Message, StringComparison.Ordinal);
    }
}
