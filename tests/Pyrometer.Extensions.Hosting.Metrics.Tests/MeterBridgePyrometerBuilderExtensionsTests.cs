using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Metrics;
using Pyrometer.TestUtils;

namespace Pyrometer.Extensions.Hosting.Metrics.Tests;

[Collection(ServerCollection.Name)]
public sealed class MeterBridgePyrometerBuilderExtensionsTests
{
    [Fact]
    public async Task WebApplication_BridgeProcessAndRuntime_RequestDurationCountEqualsRequestsWithRouteMethodAndStatus()
    {
        var logs = new ListLoggerFactory();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.AddPyrometer(o => o.UseDefaultRegistry = false).AddMeterBridge().AddProcessMetrics().AddRuntimeMetrics();
        await using var app = builder.Build();
        app.MapGet("/orders/{id}", (int id) => $"order {id}");
        app.MapPyrometerMetrics();

        await app.StartAsync();
        var baseUrl = new Uri(app.Urls.Single());
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var id = 1; id <= 3; id++)
        {
            Assert.Equal($"order {id}", await client.GetStringAsync(new Uri(baseUrl, $"/orders/{id}")));
        }

        var count = new Regex("^http_server_request_duration_seconds_count\\{(?<labels>[^}]*http_route=\"/orders/\\{id\\}\"[^}]*)\\} (?<value>\\S+)$", RegexOptions.Multiline);
        string body;
        Match match;
        // The server records a request once its answer is written, so the client can see it first: poll (a loaded
        // machine may take its time).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            body = await client.GetStringAsync(new Uri(baseUrl, "/metrics"));
            match = count.Match(body);
        }
        while ((!match.Success || match.Groups["value"].Value != "3") && DateTime.UtcNow < deadline && await Delay());

        await app.StopAsync();

        Assert.True(match.Success, body);
        Assert.Equal("3", match.Groups["value"].Value);
        var labels = match.Groups["labels"].Value;
        Assert.Contains("http_request_method=\"GET\"", labels, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"200\"", labels, StringComparison.Ordinal);
        var resident = Regex.Match(body, "^process_resident_memory_bytes (\\S+)$", RegexOptions.Multiline);
        Assert.True(double.Parse(resident.Groups[1].Value, CultureInfo.InvariantCulture) > 0, body);
        Assert.Contains("\ndotnet_gc_collections_total{", body, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task AddMeterBridge_WithoutRuntimeMetrics_BridgesTheRuntimeMeterToo()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPyrometer(o => o.UseDefaultRegistry = false).AddMeterBridge(o => o.Meters.Add(MeterBridgePyrometerBuilderExtensions.RuntimeMeterName));
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<MetricRegistry>();

        await host.StartAsync();
        await registry.CollectAsync();
        var bridged = registry.Collectors.Select(c => c.Name).ToArray();
        await host.StopAsync();

        Assert.Empty(host.Services.GetRequiredService<IOptions<MeterBridgeOptions>>().Value.ExcludedMeters);
        Assert.Contains(bridged, n => n.StartsWith("dotnet_", StringComparison.Ordinal));
        Assert.Empty(registry.Collectors);
    }

    [Fact]
    public async Task AddRuntimeMetrics_BeforeOrAfterTheBridge_BridgeExcludesTheRuntimeMeterAndStartSucceeds()
    {
        foreach (var runtimeFirst in new[] { true, false })
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            var pyrometer = builder.Services.AddPyrometer(o => o.UseDefaultRegistry = false);
            if (runtimeFirst)
            {
                pyrometer.AddRuntimeMetrics().AddMeterBridge();
            }
            else
            {
                pyrometer.AddMeterBridge().AddRuntimeMetrics();
            }

            using var host = builder.Build();
            var registry = host.Services.GetRequiredService<MetricRegistry>();

            await host.StartAsync();
            await registry.CollectAsync();
            var names = registry.Collectors.Select(c => c.Name).ToArray();
            await host.StopAsync();

            Assert.Equal(["System.Runtime"], host.Services.GetRequiredService<IOptions<MeterBridgeOptions>>().Value.ExcludedMeters);
            Assert.Contains(names, n => n.StartsWith("dotnet_gc_collections", StringComparison.Ordinal));
            Assert.Empty(registry.Collectors);
        }
    }

    [Fact]
    public async Task AddMeterBridge_LimitFromAppSettings_OverflowLoggedOnceToTheHostsLogger()
    {
        var logs = new ListLoggerFactory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pyrometer:UseDefaultRegistry"] = "false",
            ["Pyrometer:MeterBridge:Meters:0"] = "Pyrometer.Hosting.Tests.*",
            ["Pyrometer:MeterBridge:CardinalityLimit"] = "2",
        });
        builder.Logging.AddProvider(logs);
        builder.AddPyrometer().AddMeterBridge();
        using var host = builder.Build();
        var registry = host.Services.GetRequiredService<MetricRegistry>();
        using var meter = new Meter("Pyrometer.Hosting.Tests." + Guid.NewGuid().ToString("N"));
        var counter = meter.CreateCounter<long>("jobs");

        await host.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        var series = ((Counter)registry.Collectors.Single(c => c.Name == "jobs_total")).Series.ToArray();
        await host.StopAsync();

        Assert.Equal(3, series.Length);
        Assert.Equal(3, series.Single(s => s.LabelNames.SequenceEqual([Collector.OverflowLabelName])).Value);
        Assert.Single(logs.Entries, e => e.EventId == 4 && e.Message.Contains("'jobs'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CardinalityLimit", "0", "Pyrometer:MeterBridge:CardinalityLimit must be at least 1; got 0.")]
    [InlineData("CardinalityLimit", "many", "Pyrometer:MeterBridge:CardinalityLimit must be a whole number; got 'many'.")]
    [InlineData("Meters:0", " ", "Pyrometer:MeterBridge:Meters:0 must be a meter name or a prefix ending in '*'; got ' '.")]
    [InlineData("IncludeMeterLabels", "sometimes", "Pyrometer:MeterBridge:IncludeMeterLabels must be true or false; got 'sometimes'.")]
    public async Task StartAsync_InvalidSetting_FailsWithTheNamedMessage(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Pyrometer:MeterBridge:" + key] = value });
        builder.AddPyrometer().AddMeterBridge();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(message, Assert.Single(failure.Failures));
    }

    [Fact]
    public void AddMeterBridge_Options_LoggerFactoryFromServicesAndOneBridge()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddPyrometer().AddMeterBridge().AddMeterBridge(o => o.IncludeMeterLabels = true);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<MeterBridgeOptions>>().Value;

        Assert.Same(host.Services.GetRequiredService<ILoggerFactory>(), options.LoggerFactory);
        Assert.True(options.IncludeMeterLabels);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("HostedComponentService", StringComparison.Ordinal));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(100);
        return true;
    }
}
