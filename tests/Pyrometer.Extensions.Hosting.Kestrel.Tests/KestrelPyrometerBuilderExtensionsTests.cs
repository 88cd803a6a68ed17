using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Kestrel;
using Pyrometer.Transports.Kestrel.Tests.Fakes;

namespace Pyrometer.Extensions.Hosting.Kestrel.Tests;

[Collection(ServerCollection.Name)]
public sealed class KestrelPyrometerBuilderExtensionsTests
{
    [Fact]
    public async Task AddKestrelServer_HostStarts_ServesAtTheConfiguredUrlAndLogsIt()
    {
        var port = FreePort.Next();
        using var folder = new AppSettingsFolder($$"""{ "Pyrometer": { "UseDefaultRegistry": false, "Kestrel": { "Port": {{port}}, "Path": "/hosted", "EnableCompression": false } } }""");
        var logs = new ListLoggerFactory();
        var builder = HostBuilderFor(folder, logs);
        builder.AddPyrometer().AddKestrelServer();
        using var host = builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateCounter("hosted_events_total", "Events.").Add(3);

        await host.StartAsync();
        var server = host.Services.GetRequiredService<KestrelMetricsServer>();
        using var client = new HttpClient();
        var body = await client.GetStringAsync(server.MetricsUrl);
        await host.StopAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/hosted"), server.MetricsUrl);
        Assert.Contains("hosted_events_total 3\n", body, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.Contains($"http://127.0.0.1:{port}/hosted", StringComparison.Ordinal) && e.Message.StartsWith("Serving", StringComparison.Ordinal));
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task AddKestrelServer_HttpsFromPemAndBasicAuthInAppSettings_RefusesWithoutAndServesWithCredentials()
    {
        using var certificate = TestCertificate.Create();
        var (certificatePath, keyPath) = TestCertificate.WritePem(certificate);
        using var folder = new AppSettingsFolder($$"""
            {
              "Pyrometer": {
                "UseDefaultRegistry": false,
                "Kestrel": {
                  "Host": "127.0.0.1", "Port": 0, "Protocols": "Http1",
                  "CertificatePath": "{{certificatePath}}", "CertificateKeyPath": "{{keyPath}}",
                  "BasicAuthUsername": "prometheus", "BasicAuthPassword": "s3cret", "BearerToken": "token-1"
                }
              }
            }
            """);
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer();
        using var host = builder.Build();
        host.Services.GetRequiredService<MetricRegistry>().CreateGauge("tls_gauge", "Gauge.").Set(7);

        await host.StartAsync();
        var url = host.Services.GetRequiredService<KestrelMetricsServer>().MetricsUrl!;
        using var client = new HttpClient(TestCertificate.TrustingHandler(certificate));
        using var refused = await client.GetAsync(url);
        using var basic = new HttpRequestMessage(HttpMethod.Get, url);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("prometheus:s3cret")));
        using var basicResponse = await client.SendAsync(basic);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, url);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-1");
        using var bearerResponse = await client.SendAsync(bearer);
        var body = await basicResponse.Content.ReadAsStringAsync();
        await host.StopAsync();

        Assert.Equal("https", url.Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, basicResponse.StatusCode);
        Assert.Equal(new Version(1, 1), basicResponse.Version);
        Assert.Contains("tls_gauge 7\n", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bearerResponse.StatusCode);
    }

    [Fact]
    public async Task AddKestrelServer_ConfigureInCode_RunsAfterTheConfiguration()
    {
        var port = FreePort.Next();
        using var folder = new AppSettingsFolder("""{ "Pyrometer": { "Kestrel": { "Port": 1, "Path": "/from-json" } } }""");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer(options => options.Port = port);
        using var host = builder.Build();

        await host.StartAsync();
        var url = host.Services.GetRequiredService<KestrelMetricsServer>().MetricsUrl;
        await host.StopAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/from-json"), url);
    }

    [Fact]
    public async Task AddKestrelServer_ExplicitSection_ReadsThatSection()
    {
        var port = FreePort.Next();
        using var folder = new AppSettingsFolder($$"""{ "Metrics": { "Port": {{port}}, "Path": "/elsewhere" } }""");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer(builder.Configuration.GetSection("Metrics"));
        using var host = builder.Build();

        await host.StartAsync();
        var url = host.Services.GetRequiredService<KestrelMetricsServer>().MetricsUrl;
        await host.StopAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/elsewhere"), url);
    }

    [Fact]
    public void AddKestrelServer_AddedTwice_OneServerServingTheInjectedRegistry()
    {
        using var folder = new AppSettingsFolder("""{ "Pyrometer": { "UseDefaultRegistry": false } }""");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer().AddKestrelServer();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<KestrelMetricsServerOptions>>().Value;

        Assert.Same(host.Services.GetRequiredService<MetricRegistry>(), options.Registry);
        Assert.NotNull(options.LoggerFactory);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("HostedComponentService", StringComparison.Ordinal));
        Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { """ "Host": "metrics.example" """, "Pyrometer:Kestrel:Host must be an IP address, 'localhost' or '*' (every interface); Kestrel binds addresses, not host names; got 'metrics.example'." },
        { """ "Port": 70000 """, "Pyrometer:Kestrel:Port must be between 0 (pick a free port) and 65535; got 70000." },
        { """ "Port": "eighty" """, "Pyrometer:Kestrel:Port must be a whole number; got 'eighty'." },
        { """ "Path": "metrics" """, "Pyrometer:Kestrel:Path must start with '/' and contain no spaces, '?' or '#'; got 'metrics'." },
        { """ "Protocols": "Http4" """, "Pyrometer:Kestrel:Protocols must be one of Http1, Http2, Http1AndHttp2, Http3, Http1AndHttp2AndHttp3; got 'Http4'." },
        { """ "Protocols": "1" """, "Pyrometer:Kestrel:Protocols must be one of Http1, Http2, Http1AndHttp2, Http3, Http1AndHttp2AndHttp3; got '1'." },
        { """ "CertificateKeyPath": "/tmp/key.pem" """, "Pyrometer:Kestrel:CertificateKeyPath is set but Pyrometer:Kestrel:CertificatePath is not." },
        { """ "CertificatePath": "/nonexistent/cert.pem" """, "Pyrometer:Kestrel:CertificatePath must name a PEM certificate file; '/nonexistent/cert.pem' does not exist." },
        { """ "BasicAuthUsername": "prometheus" """, "Pyrometer:Kestrel:BasicAuthUsername and Pyrometer:Kestrel:BasicAuthPassword must be set together; only Pyrometer:Kestrel:BasicAuthUsername is set." },
        { """ "BasicAuthUsername": "a:b", "BasicAuthPassword": "x" """, "Pyrometer:Kestrel:BasicAuthUsername must be non-empty and contain no ':'; got 'a:b'." },
        { """ "BearerToken": " padded " """, "Pyrometer:Kestrel:BearerToken must be non-empty and have no leading or trailing spaces." },
        { """ "EnableCompression": "yes" """, "Pyrometer:Kestrel:EnableCompression must be true or false; got 'yes'." },
        { """ "MaxConcurrentScrapes": 0 """, "Pyrometer:Kestrel:MaxConcurrentScrapes must be at least 1; got 0." },
        { """ "ScrapeQueueTimeout": "00:10:01" """, "Pyrometer:Kestrel:ScrapeQueueTimeout must be between 00:00:00 and 00:10:00; got 00:10:01." },
        { """ "MaxRetainedBufferBytes": 524287 """, "Pyrometer:Kestrel:MaxRetainedBufferBytes must be at least 524288 (one 512 KiB block); got 524287." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task StartAsync_InvalidSetting_FailsWithTheNamedMessage(string setting, string message)
    {
        using var folder = new AppSettingsFolder($$"""{ "Pyrometer": { "Kestrel": { {{setting}} } } }""");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(message, Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task StartAsync_CertificateFileIsNotPem_FailsNamingTheSetting()
    {
        using var folder = new AppSettingsFolder("{}");
        var notPem = Path.Combine(folder.Path, "appsettings.json");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer(options => options.CertificatePath = notPem);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith($"Pyrometer:Kestrel:CertificatePath '{notPem}' (key: in the same file) could not be loaded as a PEM certificate", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidSettingInCode_NamesTheOptionsProperty()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPyrometer().AddKestrelServer(options => options.Port = 65536);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("KestrelMetricsServerOptions.Port must be between 0 (pick a free port) and 65535; got 65536.", Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task RunAsync_ApplicationStopped_ServerStopsBeforeRunAsyncReturnsAndIsUnhealthy()
    {
        using var folder = new AppSettingsFolder("""{ "Pyrometer": { "Kestrel": { "Port": 0 } } }""");
        var builder = HostBuilderFor(folder, new ListLoggerFactory());
        builder.AddPyrometer().AddKestrelServer();
        var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var server = host.Services.GetRequiredService<KestrelMetricsServer>();
        var health = Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
        var before = health.GetHealth();
        PyrometerHealthReport? running = null;
        lifetime.ApplicationStarted.Register(() =>
        {
            running = health.GetHealth();
            lifetime.StopApplication();
        });

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var after = health.GetHealth();

        Assert.Equal("Kestrel", health.Name);
        Assert.False(before.IsHealthy);
        Assert.True(running!.IsHealthy);
        Assert.Equal($"Serving metrics on {server.MetricsUrl}.", running.Description);
        Assert.False(server.IsRunning);
        Assert.False(after.IsHealthy);
        Assert.Equal("The Kestrel metrics server is not listening.", after.Description);
    }

    [Fact]
    public async Task WebApplication_AddPyrometerAndMapPyrometerMetrics_EndpointAndServerServeTheInjectedRegistry()
    {
        using var folder = new AppSettingsFolder("""{ "Pyrometer": { "UseDefaultRegistry": false, "ConstLabels": { "service": "shop" }, "Kestrel": { "Port": 0 } } }""");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder.Path, EnvironmentName = Environments.Production, Args = [] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddPyrometer().AddKestrelServer();
        await using var app = builder.Build();
        app.MapPyrometerMetrics();
        var registry = app.Services.GetRequiredService<MetricRegistry>();
        registry.CreateCounter("shop_orders_total", "Orders.").Add(4);

        await app.StartAsync();
        using var client = new HttpClient();
        var fromEndpoint = await client.GetStringAsync(new Uri(new Uri(app.Urls.Single()), "/metrics"));
        var fromServer = await client.GetStringAsync(app.Services.GetRequiredService<KestrelMetricsServer>().MetricsUrl);
        await app.StopAsync();

        Assert.NotSame(MetricRegistry.Default, registry);
        Assert.Contains("shop_orders_total{service=\"shop\"} 4\n", fromEndpoint, StringComparison.Ordinal);
        Assert.Contains("shop_orders_total{service=\"shop\"} 4\n", fromServer, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder HostBuilderFor(AppSettingsFolder folder, ListLoggerFactory logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = folder.Path,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder;
    }
}
