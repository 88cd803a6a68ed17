using System.Net;
using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class ServerSettingsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "[::1]", "[::1]")]
    [InlineData("[::1]", "[::1]", "[::1]")]
    [InlineData("localhost", "localhost", "localhost")]
    [InlineData("metrics.internal", "metrics.internal", "metrics.internal")]
    [InlineData("+", "+", "localhost")]
    [InlineData("*", "+", "localhost")]
    [InlineData("0.0.0.0", "+", "localhost")]
    [InlineData("::", "+", "localhost")]
    public void From_Host_MapsToPrefixAndUrlHosts(string host, string prefixHost, string urlHost)
    {
        var settings = ServerSettings.From(new HttpListenerMetricsServerOptions { Host = host });

        Assert.Equal(prefixHost, settings.PrefixHost);
        Assert.Equal(urlHost, settings.UrlHost);
        Assert.Equal(host, settings.Host);
    }

    [Fact]
    public void From_Loopback_ProbesLoopback()
    {
        Assert.Equal(IPAddress.Loopback, ServerSettings.From(new HttpListenerMetricsServerOptions()).ProbeAddress);
        Assert.Equal(IPAddress.Loopback, ServerSettings.From(new HttpListenerMetricsServerOptions { Host = "localhost" }).ProbeAddress);
    }

    [Fact]
    public void From_Defaults_AreDocumentedValues()
    {
        var settings = ServerSettings.From(new HttpListenerMetricsServerOptions());

        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(0, settings.Port);
        Assert.Equal("/metrics", settings.Path);
        Assert.Same(MetricRegistry.Default, settings.Registry);
        Assert.Equal(["text", "openmetrics"], settings.Formats.Select(f => f.Name));
        Assert.Equal("text", settings.Formats.Fallback.Name);
        Assert.True(settings.EnableCompression);
        Assert.Equal(4, settings.MaxConcurrentScrapes);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ScrapeQueueTimeout);
        Assert.Equal(64 * 1024 * 1024, settings.Buffers.MaxRetainedBytes);
    }

    [Theory]
    [InlineData("/metrics/", "/metrics")]
    [InlineData("/", "/")]
    [InlineData("/a/b", "/a/b")]
    public void From_Path_DropsTrailingSlash(string path, string expected)
    {
        Assert.Equal(expected, ServerSettings.From(new HttpListenerMetricsServerOptions { Path = path }).Path);
    }

    [Theory]
    [InlineData("/metrics", "/metrics", true)]
    [InlineData("/metrics", "/metrics/", true)]
    [InlineData("/metrics", "/METRICS", true)]
    [InlineData("/metrics", "/metricsx", false)]
    [InlineData("/metrics", "/metric", false)]
    [InlineData("/metrics", "/", false)]
    [InlineData("/metrics", "/metrics/x", false)]
    [InlineData("/", "/", true)]
    [InlineData("/", "/metrics", false)]
    public void IsMetricsPath_RequestPath_MatchesOnlyTheMetricsPath(string configured, string requested, bool expected)
    {
        var settings = ServerSettings.From(new HttpListenerMetricsServerOptions { Path = configured });

        Assert.Equal(expected, settings.IsMetricsPath(requested));
    }
}
