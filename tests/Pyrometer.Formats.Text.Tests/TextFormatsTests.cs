namespace Pyrometer.Formats.Text.Tests;

public class TextFormatsTests
{
    [Fact]
    public void Prometheus_Get_ReturnsTheSameText004Instance()
    {
        Assert.Same(TextFormats.Prometheus, TextFormats.Prometheus);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", TextFormats.Prometheus.ContentType);
    }

    [Fact]
    public void OpenMetrics_Get_ReturnsTheSameOpenMetrics100Instance()
    {
        Assert.Same(TextFormats.OpenMetrics, TextFormats.OpenMetrics);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", TextFormats.OpenMetrics.ContentType);
    }

    [Fact]
    public void Formats_Names_AreDistinctAndLowerCase()
    {
        Assert.NotEqual(TextFormats.Prometheus.Name, TextFormats.OpenMetrics.Name);
        Assert.Equal(TextFormats.Prometheus.Name.ToLowerInvariant(), TextFormats.Prometheus.Name);
        Assert.Equal(TextFormats.OpenMetrics.Name.ToLowerInvariant(), TextFormats.OpenMetrics.Name);
    }
}
