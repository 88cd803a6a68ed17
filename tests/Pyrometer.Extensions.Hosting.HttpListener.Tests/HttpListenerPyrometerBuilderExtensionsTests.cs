using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Hosting.HttpListener.Tests;

[Collection(ServerCollection.Name)]
public class HttpListenerPyrometerBuilderExtensionsTests
{
    [Fact]
    public async Task AddHttpListenerServer_HostStarts_ServesAtTheConfiguredUrlAndLogsIt()
    {
        var port = FreePort.Next();
        using var app = new AppSettingsHost($$"""{ "Pyrometer": { "HttpListener": { "Port": {{port}}, "Path": "/hosted", "EnableCompression": false } } }""");
        app.Builder.AddPyrometer(options => options.UseDefaultRegistry = false).AddHttpListenerServer();
        using var host = app.Builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateCounter("hosted_events_total", "Events.").Add(3);

        await host.StartAsync();
        var server = host.Services.GetRequiredService<HttpListenerMetricsServer>();
        using var client = new HttpClient();
        var body = await client.GetStringAsync(server.MetricsUrl);
        await host.StopAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/hosted"), server.MetricsUrl);
        Assert.Contains("hosted_events_total 3\n", body, StringComparison.Ordinal);
        Assert.Contains($"Serving metrics on http://127.0.0.1:{port}/hosted", app.Logs.Messages);
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task AddHttpListenerServer_ConfigureInCode_RunsAfterTheConfiguration()
    {
        var port = FreePort.Next();
        using var app = new AppSettingsHost("""{ "Pyrometer": { "HttpListener": { "Port": 1, "Path": "/from-json" } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer(options => options.Port = port);
        using var host = app.Builder.Build();

        await host.StartAsync();
        var url = host.Services.GetRequiredService<HttpListenerMetricsServer>().MetricsUrl;
        await host.StopAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/from-json"), url);
    }

    [Fact]
    public async Task AddHttpListenerServer_NoRegistryInOptions_ServesTheInjectedOne()
    {
        using var app = new AppSettingsHost("""{ "Pyrometer": { "UseDefaultRegistry": false } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer().AddHttpListenerServer();
        using var host = app.Builder.Build();

        var options = host.Services.GetRequiredService<IOptions<HttpListenerMetricsServerOptions>>().Value;

        Assert.Same(host.Services.GetRequiredService<MetricRegistry>(), options.Registry);
        Assert.NotNull(options.LoggerFactory);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("HostedComponentService", StringComparison.Ordinal));
        Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { """ "Host": "" """, "Pyrometer:HttpListener:Host must be an IP address, a host name or '+' (every interface); got ''." },
        { """ "Host": "a/b" """, "Pyrometer:HttpListener:Host must be an IP address, a host name or '+' (every interface); got 'a/b'." },
        { """ "Port": 70000 """, "Pyrometer:HttpListener:Port must be between 0 (pick a free port) and 65535; got 70000." },
        { """ "Port": -1 """, "Pyrometer:HttpListener:Port must be between 0 (pick a free port) and 65535; got -1." },
        { """ "Port": "eighty" """, "Pyrometer:HttpListener:Port must be a whole number; got 'eighty'." },
        { """ "Path": "metrics" """, "Pyrometer:HttpListener:Path must start with '/' and contain no spaces, '?' or '#'; got 'metrics'." },
        { """ "Path": "/a?b" """, "Pyrometer:HttpListener:Path must start with '/' and contain no spaces, '?' or '#'; got '/a?b'." },
        { """ "EnableCompression": "yes" """, "Pyrometer:HttpListener:EnableCompression must be true or false; got 'yes'." },
        { """ "MaxConcurrentScrapes": 0 """, "Pyrometer:HttpListener:MaxConcurrentScrapes must be at least 1; got 0." },
        { """ "ScrapeQueueTimeout": "-00:00:01" """, "Pyrometer:HttpListener:ScrapeQueueTimeout must be between 00:00:00 and 00:10:00; got -00:00:01." },
        { """ "ScrapeQueueTimeout": "00:10:01" """, "Pyrometer:HttpListener:ScrapeQueueTimeout must be between 00:00:00 and 00:10:00; got 00:10:01." },
        { """ "ScrapeQueueTimeout": "two seconds" """, "Pyrometer:HttpListener:ScrapeQueueTimeout must be a time span such as 00:00:05; got 'two seconds'." },
        { """ "MaxRetainedBufferBytes": 524287 """, "Pyrometer:HttpListener:MaxRetainedBufferBytes must be at least 524288 (one 512 KiB block); got 524287." },
        { """ "SendStallTimeout": "00:00:00" """, "Pyrometer:HttpListener:SendStallTimeout must be positive and at most 24.20:31:23.647 (int.MaxValue ms), or -00:00:00.001 (Timeout.InfiniteTimeSpan) for no bound; got 00:00:00." },
        { """ "SendStallTimeout": "soon" """, "Pyrometer:HttpListener:SendStallTimeout must be a time span such as 00:00:05; got 'soon'." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task StartAsync_InvalidSetting_FailsWithTheNamedMessage(string setting, string message)
    {
        using var app = new AppSettingsHost($$"""{ "Pyrometer": { "HttpListener": { {{setting}} } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer();
        using var host = app.Builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(message, Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task StartAsync_InvalidSettingInCode_NamesTheOptionsProperty()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPyrometer().AddHttpListenerServer(options => options.Port = 65536);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("HttpListenerMetricsServerOptions.Port must be between 0 (pick a free port) and 65535; got 65536.", Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsNamingIt()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var app = new AppSettingsHost($$"""{ "Pyrometer": { "HttpListener": { "Port": {{port}} } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer();
        using var host = app.Builder.Build();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeHost_WithoutStopping_LeavesNoListener()
    {
        var port = FreePort.Next();
        using var app = new AppSettingsHost($$"""{ "Pyrometer": { "HttpListener": { "Port": {{port}} } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer();
        var host = app.Builder.Build();
        await host.StartAsync();
        var server = host.Services.GetRequiredService<HttpListenerMetricsServer>();
        Assert.True(server.IsRunning);

        host.Dispose();

        Assert.False(server.IsRunning);
        using var probe = new TcpListener(IPAddress.Loopback, port);
        probe.Start();
        probe.Stop();
    }

    [Fact]
    public async Task RunAsync_ApplicationStopped_ServerStopsBeforeRunAsyncReturns()
    {
        using var app = new AppSettingsHost("""{ "Pyrometer": { "HttpListener": { "Port": 0 } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer();
        var host = app.Builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var server = host.Services.GetRequiredService<HttpListenerMetricsServer>();
        var runningWhenStarted = false;
        lifetime.ApplicationStarted.Register(() =>
        {
            runningWhenStarted = server.IsRunning;
            lifetime.StopApplication();
        });

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(runningWhenStarted);
        Assert.False(server.IsRunning);
        Assert.Contains($"Stopped serving metrics on {server.MetricsUrl}", app.Logs.Messages);
    }

    [Fact]
    public async Task HealthSource_ServerRunningThenStopped_ReportsListening()
    {
        using var app = new AppSettingsHost("""{ "Pyrometer": { "HttpListener": { "Port": 0 } } }""");
        app.Builder.AddPyrometer().AddHttpListenerServer();
        using var host = app.Builder.Build();
        var health = Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());

        var before = health.GetHealth();
        await host.StartAsync();
        var running = health.GetHealth();
        await host.StopAsync();
        var after = health.GetHealth();

        Assert.Equal("HttpListener", health.Name);
        Assert.False(before.IsHealthy);
        Assert.True(running.IsHealthy);
        Assert.Equal($"Serving metrics on {host.Services.GetRequiredService<HttpListenerMetricsServer>().MetricsUrl}.", running.Description);
        Assert.False(after.IsHealthy);
        Assert.Equal("The HttpListener metrics server is not listening.", after.Description);
    }
}
