using Microsoft.Extensions.Logging;
using Pyrometer.Extensions.Hosting.HttpListener.Tests;
using Pyrometer.TestUtils;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pyrometer.Transports.Kestrel.Tests.Fakes;

namespace Pyrometer.Transports.Kestrel.Tests;

[Collection(ServerCollection.Name)]
public sealed class KestrelMetricsServerTests
{
    private static MetricRegistry Registry(double value = 7)
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("temperature", "Temperature.").Set(value);
        return registry;
    }

    private static HttpClient PlainClient() => new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task StartAsync_PortZero_ReportsTheRealPortAndServes()
    {
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry() });

        await server.StartAsync();
        using var client = PlainClient();
        using var response = await client.GetAsync(server.MetricsUrl);

        Assert.True(server.IsRunning);
        Assert.Equal("http", server.MetricsUrl!.Scheme);
        Assert.Equal("127.0.0.1", server.MetricsUrl.Host);
        Assert.NotEqual(0, server.MetricsUrl.Port);
        Assert.Equal("/metrics", server.MetricsUrl.AbsolutePath);
        Assert.Contains("temperature 7\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_OtherPath_Returns404NamingTheMetricsPath()
    {
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), Path = "/stats/" });
        await server.StartAsync();
        using var client = PlainClient();

        using var other = await client.GetAsync(new Uri(server.MetricsUrl!, "/metrics"));
        using var trailing = await client.GetAsync(new Uri(server.MetricsUrl!, "/stats/"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("Not found: metrics are served at /stats\n", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, trailing.StatusCode);
    }

    [Fact]
    public async Task StopAsync_ThenStartAgain_ServesAgainAndDisposedServerRefusesToStart()
    {
        var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry() });
        await server.StartAsync();
        var first = server.MetricsUrl!;

        await server.StopAsync();
        var stoppedRunning = server.IsRunning;
        await server.StartAsync();
        using var client = PlainClient();
        using var again = await client.GetAsync(server.MetricsUrl);
        await server.DisposeAsync();

        Assert.False(stoppedRunning);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.StartAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(first));
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsNamingThePort()
    {
        await using var first = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry() });
        await first.StartAsync();
        await using var second = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), Port = first.MetricsUrl!.Port });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());

        Assert.Contains($"127.0.0.1:{first.MetricsUrl.Port}", error.Message);
        Assert.False(second.IsRunning);
    }

    [Fact]
    public async Task Get_HttpsWithCertificateOverHttp2_ServesMetrics()
    {
        using var certificate = TestCertificate.Create();
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), Certificate = certificate });
        await server.StartAsync();
        using var client = new HttpClient(TestCertificate.TrustingHandler(certificate));

        using var request = new HttpRequestMessage(HttpMethod.Get, server.MetricsUrl) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);

        Assert.Equal("https", server.MetricsUrl!.Scheme);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Contains("temperature 7\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HttpsFromPemFiles_ServesMetricsOverHttp11()
    {
        using var certificate = TestCertificate.Create();
        var (certificatePath, keyPath) = TestCertificate.WritePem(certificate);
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), CertificatePath = certificatePath, CertificateKeyPath = keyPath });
        await server.StartAsync();
        using var client = new HttpClient(TestCertificate.TrustingHandler(certificate));

        using var response = await client.GetAsync(server.MetricsUrl);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_PlainHttp2PriorKnowledge_ServesMetrics()
    {
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2 });
        await server.StartAsync();
        using var client = PlainClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, server.MetricsUrl) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic d3Jvbmc6Y3JlZHM=")]
    [InlineData("Bearer nope")]
    [InlineData("Digest abc")]
    public async Task Get_ProtectedWithoutAcceptedCredentials_Returns401WithChallengeAndNoMetrics(string? authorization)
    {
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), BasicAuthUsername = "prom", BasicAuthPassword = "s3cret", BearerToken = "tok" });
        await server.StartAsync();
        using var client = PlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.MetricsUrl);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"metrics\", charset=\"UTF-8\", Bearer realm=\"metrics\"", string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString())));
        Assert.DoesNotContain("temperature", body);
    }

    [Fact]
    public async Task Get_ProtectedWithBasicOrBearerCredentials_ServesMetrics()
    {
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), BasicAuthUsername = "prom", BasicAuthPassword = "s3cret", BearerToken = "tok" });
        await server.StartAsync();
        using var client = PlainClient();

        using var basic = new HttpRequestMessage(HttpMethod.Get, server.MetricsUrl);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("prom:s3cret")));
        using var bearer = new HttpRequestMessage(HttpMethod.Get, server.MetricsUrl);
        bearer.Headers.Authorization = new AuthenticationHeaderValue("bearer", "tok");
        using var basicResponse = await client.SendAsync(basic);
        using var bearerResponse = await client.SendAsync(bearer);

        Assert.Equal(HttpStatusCode.OK, basicResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bearerResponse.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PlainHttpWithDefaultProtocols_LogsNoWarningAndServesHttp11()
    {
        // Kestrel's own categories too: it warns at every start when asked for HTTP/2 without TLS.
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), LoggerFactory = loggerFactory });

        await server.StartAsync();
        using var client = PlainClient();
        using var response = await client.GetAsync(server.MetricsUrl);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Contains("temperature 7\n", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(logs.Messages, message => message.Contains("HTTP/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_BurstOfRefusals_LogsOnce()
    {
        var logs = new ListLoggerFactory();
        await using var server = new KestrelMetricsServer(new KestrelMetricsServerOptions { Registry = Registry(), BearerToken = "tok", LoggerFactory = logs });
        await server.StartAsync();
        using var client = PlainClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(server.MetricsUrl);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var refusal = Assert.Single(logs.Entries, e => e.EventId == 10);
        Assert.Contains("no Authorization header", refusal.Message);
    }

    [Theory]
    [InlineData("Port", "KestrelMetricsServerOptions.Port")]
    [InlineData("Host", "KestrelMetricsServerOptions.Host")]
    [InlineData("Path", "KestrelMetricsServerOptions.Path")]
    [InlineData("User", "KestrelMetricsServerOptions.BasicAuthUsername")]
    [InlineData("KeyOnly", "KestrelMetricsServerOptions.CertificateKeyPath")]
    [InlineData("MissingPem", "KestrelMetricsServerOptions.CertificatePath")]
    [InlineData("Slots", "KestrelMetricsServerOptions.MaxConcurrentScrapes")]
    public void Constructor_InvalidOption_ThrowsNamingIt(string which, string named)
    {
        var options = new KestrelMetricsServerOptions();
        switch (which)
        {
            case "Port": options.Port = 70000; break;
            case "Host": options.Host = "metrics.example"; break;
            case "Path": options.Path = "metrics"; break;
            case "User": options.BasicAuthUsername = "prom"; break;
            case "KeyOnly": options.CertificateKeyPath = "/tmp/key.pem"; break;
            case "MissingPem": options.CertificatePath = "/nonexistent/cert.pem"; break;
            case "Slots": options.MaxConcurrentScrapes = 0; break;
        }

        var error = Assert.ThrowsAny<ArgumentException>(() => new KestrelMetricsServer(options));

        Assert.Contains(named, error.Message);
    }
}
