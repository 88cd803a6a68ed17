using Pyrometer.Exposition;
using Pyrometer.TestUtils;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pyrometer.Transports.Kestrel.Tests.Fakes;

namespace Pyrometer.Transports.Kestrel.Tests;

[Collection(ServerCollection.Name)]
public sealed class PyrometerEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapPyrometerMetrics_Get_ServesTheRegistryAsTextBesideTheAppsRoutes()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Add(3);
        await using var app = await RunningApp.StartAsync(null, a =>
        {
            a.MapGet("/hello", () => "hi");
            a.MapPyrometerMetrics(configure: o => o.Registry = registry);
        });

        using var metrics = await app.GetAsync("/metrics");
        using var hello = await app.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
        Assert.Contains("jobs_total 3\n", await metrics.Content.ReadAsStringAsync());
        Assert.Equal("hi", await hello.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MapPyrometerMetrics_RegistryRegisteredInServices_ServesItInsteadOfTheDefault()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("injected_jobs_total", "Jobs.").Add(5);
        await using var app = await RunningApp.StartAsync(b => b.Services.AddSingleton(registry), a => a.MapPyrometerMetrics());

        using var metrics = await app.GetAsync("/metrics");
        var body = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("injected_jobs_total 5\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPyrometerMetrics_RegistrySetInCode_WinsOverTheRegisteredOne()
    {
        var registered = new MetricRegistry();
        registered.CreateCounter("registered_total", "Registered.").Inc();
        var chosen = new MetricRegistry();
        chosen.CreateCounter("chosen_total", "Chosen.").Inc();
        await using var app = await RunningApp.StartAsync(b => b.Services.AddSingleton(registered), a => a.MapPyrometerMetrics(configure: o => o.Registry = chosen));

        using var metrics = await app.GetAsync("/metrics");
        var body = await metrics.Content.ReadAsStringAsync();

        Assert.Contains("chosen_total 1\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("registered_total", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapPyrometerMetrics_FormatQueryAndGzip_ServesOpenMetricsCompressed()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics("/custom", o => o.Registry = registry));

        using var response = await app.GetAsync("/custom?format=openmetrics", ("Accept-Encoding", "gzip"));
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var body = await new StreamReader(gzip).ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.StartsWith("application/openmetrics-text; version=1.0.0", response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("# EOF\n", body);
    }

    [Theory]
    [InlineData("POST", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", HttpStatusCode.MethodNotAllowed)]
    [InlineData("HEAD", HttpStatusCode.OK)]
    public async Task MapPyrometerMetrics_Method_AnswersAsTheHttpListenerServerDoes(string method, HttpStatusCode expected)
    {
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = new MetricRegistry()));

        using var response = await app.SendAsync(new HttpMethod(method), "/metrics");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task MapPyrometerMetrics_UnknownFormat_Returns400NamingTheFormats()
    {
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = new MetricRegistry()));

        using var response = await app.GetAsync("/metrics?format=yaml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unknown format 'yaml'; available: text, openmetrics\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MapPyrometerMetrics_FailingCollectCallback_Returns503()
    {
        var registry = new MetricRegistry();
        using var callback = registry.AddCollectCallback(() => throw new InvalidOperationException("broken"));
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = registry));

        using var response = await app.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task MapPyrometerMetrics_OverTheConcurrencyBound_Returns503WithRetryAfter()
    {
        var registry = new MetricRegistry();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var callback = registry.AddCollectCallback(async token =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(60), token);
        });
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o =>
        {
            o.Registry = registry;
            o.MaxConcurrentScrapes = 1;
            o.ScrapeQueueTimeout = TimeSpan.Zero;
        }));

        var first = app.GetAsync("/metrics");
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var second = await app.GetAsync("/metrics");
        release.SetResult();
        using var firstResponse = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("1", second.Headers.RetryAfter!.ToString());
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
    }

    [Fact]
    public async Task MapPyrometerMetrics_ScrapeTimeoutHeaderPasses_Returns503BeforeTheCallbackEnds()
    {
        // Only the 0.3 s deadline can end the scrape early: the callback and the collect timeout last a minute. The
        // bound leaves room for a loaded machine.
        var registry = new MetricRegistry(new MetricRegistryOptions { CollectTimeout = TimeSpan.FromSeconds(60) });
        using var callback = registry.AddCollectCallback(async token => await Task.Delay(TimeSpan.FromSeconds(60), token));
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = registry));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var response = await app.GetAsync("/metrics", ("X-Prometheus-Scrape-Timeout-Seconds", "0.3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("deadline passed", await response.Content.ReadAsStringAsync());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"Answered after {watch.Elapsed}.");
    }

    [Fact]
    public async Task MapPyrometerMetrics_ScrapeTimeoutPassesWhileWritingTheBody_Returns503()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        var formats = new ExpositionFormatCollection().Add(new SlowFormat(Pyrometer.Formats.Text.TextFormats.Prometheus, TimeSpan.FromMilliseconds(800)));
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o =>
        {
            o.Registry = registry;
            o.Formats = formats;
        }));

        using var response = await app.GetAsync("/metrics", ("X-Prometheus-Scrape-Timeout-Seconds", "0.3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("deadline passed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MapPyrometerMetrics_ClientDisconnects_CancelsTheCollectCallback()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { CollectTimeout = TimeSpan.FromSeconds(30) });
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var callback = registry.AddCollectCallback(async token =>
        {
            using var _ = token.Register(() => cancelled.TrySetResult());
            entered.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(20), token);
        });
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = registry));

        using var client = new CancellationTokenSource();
        var scrape = app.Client.GetAsync(new Uri(app.BaseUrl, "/metrics"), client.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scrape);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task MapPyrometerMetrics_RequireAuthorization_RefusesAnonymousScrapes()
    {
        await using var app = await RunningApp.StartAsync(
            b =>
            {
                b.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
                b.Services.AddAuthorization();
            },
            a =>
            {
                a.UseAuthentication();
                a.UseAuthorization();
                a.MapPyrometerMetrics(configure: o => o.Registry = new MetricRegistry()).RequireAuthorization(new AuthorizeAttribute());
            });

        using var anonymous = await app.GetAsync("/metrics");
        using var signedIn = await app.GetAsync("/metrics", ("X-Test-User", "prometheus"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("# EOF", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task MapPyrometerMetrics_RequireHost_ServesOnlyThatHost()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("up_gauge", "Up.").Set(1);
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = registry).RequireHost("metrics.internal"));

        using var otherHost = await app.GetAsync("/metrics");
        using var metricsHost = await app.GetAsync("/metrics", ("Host", "metrics.internal"));

        Assert.Equal(HttpStatusCode.NotFound, otherHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metricsHost.StatusCode);
        Assert.Contains("up_gauge 1\n", await metricsHost.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MapPyrometerMetrics_AppStopping_AnswersNewScrapes503()
    {
        await using var app = await RunningApp.StartAsync(null, a => a.MapPyrometerMetrics(configure: o => o.Registry = new MetricRegistry()));
        var lifetime = app.App.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        using var before = await app.GetAsync("/metrics");

        lifetime.StopApplication();
        using var during = await app.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("The metrics server is stopping\n", await during.Content.ReadAsStringAsync());
    }

    [Fact]
    public void MapPyrometerMetrics_InvalidOption_ThrowsNamingIt()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => app.MapPyrometerMetrics(configure: o => o.MaxConcurrentScrapes = 0));

        Assert.Contains("PyrometerMetricsEndpointOptions.MaxConcurrentScrapes", error.Message);
    }
}
