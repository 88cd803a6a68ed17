using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.HttpListener.Tests;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Tests;

public class PushgatewayPyrometerBuilderExtensionsTests
{
    // The host's shutdown timeout in the stop tests, and what a loaded machine may add to it.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void AddPushgateway_AppSettings_BindsEverySettingIncludingNestedOnes()
    {
        using var app = new AppSettingsHost("""
            { "Pyrometer": { "UseDefaultRegistry": false, "Pushgateway": {
                "Endpoint": "http://127.0.0.1:9091/prefix", "Job": "orders", "GroupingKey": { "instance": "host a", "empty": "" },
                "Gzip": true, "Interval": "00:00:20", "Method": "add", "PushOnStop": false, "DeleteOnStop": true,
                "StopTimeout": "00:00:03", "ExposeStatusMetrics": true, "UnhealthyAfterFailures": 5,
                "Http": { "Headers": { "X-Tenant": "t1" }, "Username": "user", "Password": "secret" },
                "Resilience": { "MaxRetryAttempts": 1, "BaseDelay": "00:00:00.100", "MaxDelay": "00:00:00.300", "UseJitter": false,
                  "AttemptTimeout": "00:00:04", "CircuitBreakerEnabled": false, "FailureRatio": 0.25, "MinimumThroughput": 3,
                  "SamplingDuration": "00:00:10", "BreakDuration": "00:00:02" } } } }
            """);
        app.Builder.AddPyrometer().AddPushgateway().AddPushgateway();
        using var host = app.Builder.Build();

        var o = host.Services.GetRequiredService<IOptions<PeriodicPushgatewayPusherOptions>>().Value;
        var hosting = host.Services.GetRequiredService<IOptions<PushgatewayHostingOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:9091/prefix"), o.Endpoint);
        Assert.Equal("orders", o.Job);
        Assert.Equal(new Dictionary<string, string> { ["instance"] = "host a", ["empty"] = string.Empty }, o.GroupingKey);
        Assert.True(o.Gzip);
        Assert.Equal(TimeSpan.FromSeconds(20), o.Interval);
        Assert.Equal(PushMethod.Add, o.Method);
        Assert.False(o.PushOnStop);
        Assert.True(o.DeleteOnStop);
        Assert.Equal(TimeSpan.FromSeconds(3), o.StopTimeout);
        Assert.True(o.ExposeStatusMetrics);
        Assert.Equal(5, hosting.UnhealthyAfterFailures);
        Assert.Equal("t1", Assert.Single(o.Http.Headers, h => h.Key == "X-Tenant").Value);
        Assert.Equal(("user", "secret"), (o.Http.Username, o.Http.Password));
        Assert.Equal(1, o.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), o.Resilience.BaseDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(300), o.Resilience.MaxDelay);
        Assert.False(o.Resilience.UseJitter);
        Assert.Equal(TimeSpan.FromSeconds(4), o.Resilience.AttemptTimeout);
        Assert.False(o.Resilience.CircuitBreakerEnabled);
        Assert.Equal(0.25, o.Resilience.FailureRatio);
        Assert.Equal(3, o.Resilience.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Resilience.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Resilience.BreakDuration);
        Assert.Same(host.Services.GetRequiredService<MetricRegistry>(), o.Registry);
        Assert.NotNull(o.LoggerFactory);
        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name.StartsWith("HostedComponentService", StringComparison.Ordinal));
        Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
    }

    [Fact]
    public void AddPushgateway_ConfigureInCode_RunsAfterTheConfiguration()
    {
        using var app = new AppSettingsHost("""{ "Pyrometer": { "Pushgateway": { "Endpoint": "http://127.0.0.1:9091", "Job": "from-json", "UnhealthyAfterFailures": 2 } } }""");
        app.Builder.AddPyrometer().AddPushgateway(o => o.Job = "from-code", h => h.UnhealthyAfterFailures = 7);
        using var host = app.Builder.Build();

        Assert.Equal("from-code", host.Services.GetRequiredService<IOptions<PeriodicPushgatewayPusherOptions>>().Value.Job);
        Assert.Equal(7, host.Services.GetRequiredService<IOptions<PushgatewayHostingOptions>>().Value.UnhealthyAfterFailures);
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Endpoint", "\"ftp://gateway\"", "Pyrometer:Pushgateway:Endpoint is 'ftp://gateway/': set the Pushgateway's absolute http or https address, e.g. http://127.0.0.1:9091." },
        { "Endpoint", "\"\"", "Pyrometer:Pushgateway:Endpoint must be an absolute address such as http://127.0.0.1:9091; got ''." },
        { "Endpoint", "\"/pushgateway\"", "Pyrometer:Pushgateway:Endpoint must be an absolute address such as http://127.0.0.1:9091; got '/pushgateway'." },
        { "Job", "\"\"", "Pyrometer:Pushgateway:Job is empty: the Pushgateway needs a job name for the group." },
        { "GroupingKey", """{ "job": "x" }""", "Pyrometer:Pushgateway:GroupingKey names 'job': set Job instead." },
        { "GroupingKey", """{ "bad-name": "x" }""", "Pyrometer:Pushgateway:GroupingKey label name 'bad-name' is invalid: use [a-zA-Z_][a-zA-Z0-9_]*." },
        { "Gzip", "\"zip\"", "Pyrometer:Pushgateway:Gzip must be true or false; got 'zip'." },
        { "Interval", "\"00:00:00.005\"", "Pyrometer:Pushgateway:Interval is 00:00:00.0050000 but must be at least 10 ms." },
        { "Interval", "\"soon\"", "Pyrometer:Pushgateway:Interval must be a time span such as 00:00:05; got 'soon'." },
        { "Method", "\"Patch\"", "Pyrometer:Pushgateway:Method must be one of Replace, Add; got 'Patch'." },
        { "Method", "\"1\"", "Pyrometer:Pushgateway:Method must be one of Replace, Add; got '1'." },
        { "PushOnStop", "\"sometimes\"", "Pyrometer:Pushgateway:PushOnStop must be true or false; got 'sometimes'." },
        { "StopTimeout", "\"00:00:00\"", "Pyrometer:Pushgateway:StopTimeout is 00:00:00 but must be positive." },
        { "UnhealthyAfterFailures", "0", "Pyrometer:Pushgateway:UnhealthyAfterFailures must be at least 1 (unhealthy after that many failed pushes in a row); got 0." },
        { "UnhealthyAfterFailures", "\"three\"", "Pyrometer:Pushgateway:UnhealthyAfterFailures must be a whole number; got 'three'." },
        { "Http", """{ "Username": "a", "BearerToken": "b" }""", "Pyrometer:Pushgateway:Http:Username and Http.BearerToken are both set: choose basic authentication or a bearer token." },
        { "Http", """{ "Password": "p" }""", "Pyrometer:Pushgateway:Http:Password is set without Http.Username: set the user name for basic authentication." },
        { "Http", """{ "Headers": { "Content-Type": "text/plain" } }""", "Pyrometer:Pushgateway:Http:Headers sets 'Content-Type', which the transport sets itself: remove it." },
        { "Resilience", """{ "MaxRetryAttempts": 11 }""", "Pyrometer:Pushgateway:Resilience:MaxRetryAttempts is 11 but must be 0 to 10." },
        { "Resilience", """{ "MaxRetryAttempts": "many" }""", "Pyrometer:Pushgateway:Resilience:MaxRetryAttempts must be a whole number; got 'many'." },
        { "Resilience", """{ "FailureRatio": 0 }""", "Pyrometer:Pushgateway:Resilience:FailureRatio is 0 but must be above 0 and at most 1." },
        { "Resilience", """{ "FailureRatio": "half" }""", "Pyrometer:Pushgateway:Resilience:FailureRatio must be a number such as 0.5; got 'half'." },
        { "Resilience", """{ "UseJitter": "no" }""", "Pyrometer:Pushgateway:Resilience:UseJitter must be true or false; got 'no'." },
        {
            "Resilience", """{ "AttemptTimeout": "00:00:20" }""",
            "Pyrometer:Pushgateway: A push may take up to 00:01:26 with Resilience (4 attempts of up to AttemptTimeout 00:00:20, delays of up to MaxDelay 00:00:02), " +
            "longer than Interval (00:00:30): lower Resilience.MaxRetryAttempts, AttemptTimeout or MaxDelay, or raise Interval."
        },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task StartAsync_InvalidSetting_FailsWithTheNamedMessage(string setting, string json, string message)
    {
        var settings = new List<string> { $"\"{setting}\": {json}" };
        if (setting != "Endpoint")
        {
            settings.Add("\"Endpoint\": \"http://127.0.0.1:9091\"");
        }

        if (setting != "Job")
        {
            settings.Add("\"Job\": \"valid\"");
        }

        using var app = new AppSettingsHost($$"""{ "Pyrometer": { "Pushgateway": { {{string.Join(", ", settings)}} } } }""");
        app.Builder.AddPyrometer().AddPushgateway();
        using var host = app.Builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(message, Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task StartAsync_InvalidSettingInCode_NamesTheOptionsProperty()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddPyrometer().AddPushgateway(o =>
        {
            o.Endpoint = new Uri("http://127.0.0.1:9091");
            o.Job = "code";
            o.Resilience.MaxRetryAttempts = 11;
        });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("PeriodicPushgatewayPusherOptions.Resilience.MaxRetryAttempts is 11 but must be 0 to 10.", Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task StopAsync_GatewayHangs_ReturnsWithinTheShutdownTimeout()
    {
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        gateway.Start();
        var port = ((IPEndPoint)gateway.LocalEndpoint).Port;
        using var app = new AppSettingsHost($$"""
            { "Pyrometer": { "Pushgateway": { "Endpoint": "http://127.0.0.1:{{port}}", "Job": "hangs", "Interval": "00:01:00", "StopTimeout": "00:01:00",
                "Resilience": { "MaxRetryAttempts": 0, "AttemptTimeout": "00:00:50", "CircuitBreakerEnabled": false } } } }
            """);
        app.Builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        app.Builder.AddPyrometer().AddPushgateway();
        using var host = app.Builder.Build();
        await host.StartAsync();
        using var firstPush = await gateway.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var clock = Stopwatch.StartNew();
        await host.StopAsync();
        clock.Stop();

        Assert.InRange(clock.Elapsed, ShutdownTimeout - TimeSpan.FromMilliseconds(100), ShutdownTimeout + Slack);
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("The final push to http://127.0.0.1:", StringComparison.Ordinal) && m.EndsWith("was abandoned: the host's shutdown timeout passed first", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_GatewayStopped_HealthTurnsUnhealthyAndStopReturnsAtOnce()
    {
        var port = FreePort.Next();
        using var app = new AppSettingsHost($$"""
            { "Pyrometer": { "Pushgateway": { "Endpoint": "http://127.0.0.1:{{port}}", "Job": "stopped", "Interval": "00:00:00.100",
                "UnhealthyAfterFailures": 2, "Resilience": { "MaxRetryAttempts": 0, "AttemptTimeout": "00:00:00.090" } } } }
            """);
        app.Builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        app.Builder.AddPyrometer().AddPushgateway();
        using var host = app.Builder.Build();
        var health = Assert.Single(host.Services.GetServices<IPyrometerHealthSource>());
        var pusher = host.Services.GetRequiredService<PeriodicPushgatewayPusher>();
        var before = health.GetHealth();

        await host.StartAsync();
        var deadline = Stopwatch.StartNew();
        while (pusher.Status.ConsecutiveFailures < 2 && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        var failing = health.GetHealth();
        var clock = Stopwatch.StartNew();
        await host.StopAsync();
        clock.Stop();

        Assert.Equal("Pushgateway", health.Name);
        Assert.True(before.IsHealthy);
        Assert.Equal("0 consecutive failures (unhealthy from 2).", before.Description);
        Assert.False(failing.IsHealthy);
        Assert.True(pusher.Status.Failures >= 2);
        Assert.Null(pusher.Status.LastSuccessTime);
        Assert.True(clock.Elapsed < ShutdownTimeout, $"StopAsync took {clock.Elapsed}.");
    }
}
