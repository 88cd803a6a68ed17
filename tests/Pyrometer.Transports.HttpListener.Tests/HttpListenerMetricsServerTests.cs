using System.Net;
using System.Net.Sockets;
using Pyrometer.TestUtils;
using Pyrometer.Transports.HttpListener.Tests.Fakes;

namespace Pyrometer.Transports.HttpListener.Tests;

[Collection(ServerCollection.Name)]
public sealed class HttpListenerMetricsServerTests
{
    [Fact]
    public void MetricsUrl_BeforeStart_IsNull()
    {
        var server = new HttpListenerMetricsServer(Options());

        Assert.Null(server.MetricsUrl);
        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task StartAsync_PortZero_ResolvesToTheBoundPort()
    {
        await using var server = new HttpListenerMetricsServer(Options());

        await server.StartAsync();

        var url = server.MetricsUrl!;
        Assert.True(server.IsRunning);
        Assert.Equal("http", url.Scheme);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
        Assert.Equal("/metrics", url.AbsolutePath);
        using var client = new HttpClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_FixedPort_ListensOnThatPort()
    {
        var port = FreePort.Next();
        await using var server = new HttpListenerMetricsServer(Options(o => o.Port = port));

        await server.StartAsync();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/metrics"), server.MetricsUrl);
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.MetricsUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_LocalhostHost_ServesLocalhostUrl()
    {
        await using var server = new HttpListenerMetricsServer(Options(o => o.Host = "localhost"));

        await server.StartAsync();

        Assert.Equal("localhost", server.MetricsUrl!.Host);
        using var client = new HttpClient();
        using var response = await client.GetAsync(server.MetricsUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsNamingAddressAndPort()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await using var server = new HttpListenerMetricsServer(Options(o => o.Port = port));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
        Assert.Contains(". Is the port in use?", error.Message, StringComparison.Ordinal);
        Assert.False(server.IsRunning);
        Assert.Null(server.MetricsUrl);
    }

    [Fact]
    public async Task StartAsync_SamePortAsAnotherServer_Throws()
    {
        await using var first = new HttpListenerMetricsServer(Options());
        await first.StartAsync();
        await using var second = new HttpListenerMetricsServer(Options(o => o.Port = first.MetricsUrl!.Port));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.StartAsync());

        Assert.Contains($"127.0.0.1:{first.MetricsUrl!.Port}", error.Message);
    }

    [Fact]
    public async Task StartAsync_AlreadyRunning_Throws()
    {
        await using var server = new HttpListenerMetricsServer(Options());
        await server.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
        Assert.True(server.IsRunning);
    }

    [Fact]
    public async Task StopAsync_Running_StopsListening()
    {
        await using var server = new HttpListenerMetricsServer(Options());
        await server.StartAsync();
        var url = server.MetricsUrl!;

        await server.StopAsync();

        Assert.False(server.IsRunning);
        Assert.Equal(url, server.MetricsUrl);
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
    }

    [Fact]
    public async Task StopAsync_NotStarted_DoesNothing()
    {
        await using var server = new HttpListenerMetricsServer(Options());

        await server.StopAsync();

        Assert.False(server.IsRunning);
    }

    [Fact]
    public async Task StartAsync_AfterStop_ServesAgain()
    {
        await using var server = new HttpListenerMetricsServer(Options());
        await server.StartAsync();
        await server.StopAsync();

        await server.StartAsync();

        using var client = new HttpClient();
        using var response = await client.GetAsync(server.MetricsUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DisposeAsync_Running_StopsListeningAndRejectsStart()
    {
        var server = new HttpListenerMetricsServer(Options());
        await server.StartAsync();
        var url = server.MetricsUrl!;

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.False(server.IsRunning);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.StartAsync());
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(url));
    }

    [Fact]
    public async Task StopAsync_RightAfterStart_ReturnsEveryTime()
    {
        // Closing the listener while the accept loop is only starting could leave its accept pending for ever,
        // and stopping waited for it: a start and stop in a row hung once in CI.
        for (var i = 0; i < 30; i++)
        {
            var server = new HttpListenerMetricsServer(Options());
            await server.StartAsync();

            var stop = server.DisposeAsync().AsTask();

            Assert.True(await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))) == stop, $"stop {i} did not return within 10 s");
            Assert.False(server.IsRunning);
        }
    }

    [Fact]
    public async Task StopAsync_PortTakenTheMomentItIsFreed_ReturnsWithoutBindingItAgain()
    {
        // Stopping a listener and then closing it made the second call bind the port again for a moment, so a
        // stop threw "Address already in use" when another socket had taken the port in between.
        for (var i = 0; i < 20; i++)
        {
            var server = new HttpListenerMetricsServer(Options());
            await server.StartAsync();
            using var taker = new PortTaker(server.MetricsUrl!.Port);

            var stop = await Record.ExceptionAsync(() => server.DisposeAsync().AsTask());

            Assert.Null(stop);
            Assert.True(taker.Took(TimeSpan.FromSeconds(10)), $"stop {i}: the freed port was not taken within 10 s");
        }
    }

    [Fact]
    public async Task StartAsync_Logs_TheUrl()
    {
        var logs = new ListLoggerFactory();
        await using var server = new HttpListenerMetricsServer(Options(o => o.LoggerFactory = logs));

        await server.StartAsync();
        await server.StopAsync();

        Assert.Contains(logs.Entries, e => e.Message == $"Serving metrics on {server.MetricsUrl}");
        Assert.Contains(logs.Entries, e => e.Message == $"Stopped serving metrics on {server.MetricsUrl}");
    }

    [Fact]
    public void Constructor_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new HttpListenerMetricsServer(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("http://127.0.0.1")]
    [InlineData("host/path")]
    public void Constructor_InvalidHost_ThrowsNamingHost(string host)
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpListenerMetricsServer(Options(o => o.Host = host)));

        Assert.Contains("Host", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Constructor_InvalidPort_ThrowsNamingPort(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpListenerMetricsServer(Options(o => o.Port = port)));

        Assert.Contains("Port", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("metrics")]
    [InlineData("/metrics?x=1")]
    [InlineData("/my metrics")]
    public void Constructor_InvalidPath_ThrowsNamingPath(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpListenerMetricsServer(Options(o => o.Path = path)));

        Assert.Contains("Path", error.Message);
    }

    [Fact]
    public void Constructor_NoFormats_ThrowsNamingFormats()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpListenerMetricsServer(Options(o => o.Formats = new())));

        Assert.Contains("Formats", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_NoScrapeSlots_ThrowsNamingMaxConcurrentScrapes(int slots)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpListenerMetricsServer(Options(o => o.MaxConcurrentScrapes = slots)));

        Assert.Contains("MaxConcurrentScrapes", error.Message);
    }

    [Fact]
    public void Constructor_NegativeQueueTimeout_ThrowsNamingScrapeQueueTimeout()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpListenerMetricsServer(Options(o => o.ScrapeQueueTimeout = TimeSpan.FromSeconds(-1))));

        Assert.Contains("ScrapeQueueTimeout", error.Message);
    }

    [Theory]
    [InlineData(-1000.0)]
    [InlineData(0.0)]
    [InlineData(30.0 * 24 * 60 * 60 * 1000)]
    public void Constructor_SendStallTimeoutNotPositiveOrTooLong_ThrowsNamingIt(double milliseconds)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpListenerMetricsServer(Options(o => o.SendStallTimeout = TimeSpan.FromMilliseconds(milliseconds))));

        Assert.Contains("SendStallTimeout", error.Message);
    }

    [Fact]
    public async Task Constructor_InfiniteSendStallTimeout_IsAccepted()
    {
        await using var server = new HttpListenerMetricsServer(Options(o => o.SendStallTimeout = Timeout.InfiniteTimeSpan));

        Assert.False(server.IsRunning);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(512 * 1024 - 1)]
    public void Constructor_MaxRetainedBufferBytesBelowOneBlock_ThrowsNamingIt(long bytes)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HttpListenerMetricsServer(Options(o => o.MaxRetainedBufferBytes = bytes)));

        Assert.Contains("MaxRetainedBufferBytes", error.Message);
    }

    private static HttpListenerMetricsServerOptions Options(Action<HttpListenerMetricsServerOptions>? configure = null)
    {
        var options = new HttpListenerMetricsServerOptions { Registry = new MetricRegistry(), Formats = FakeFormat.Both() };
        configure?.Invoke(options);
        return options;
    }
}
