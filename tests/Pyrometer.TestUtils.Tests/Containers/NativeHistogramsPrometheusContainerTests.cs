using System.Text.Json;

namespace Pyrometer.TestUtils.Tests.Containers;

[Collection(NativeHistogramsPrometheusCollection.Name)]
public sealed class NativeHistogramsPrometheusContainerTests(NativeHistogramsPrometheusContainer prometheus)
{
    [Fact]
    public async Task InitializeAsync_Started_FeatureFlagActive()
    {
        using var client = new HttpClient { BaseAddress = prometheus.BaseAddress };

        using var flags = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/v1/status/flags", UriKind.Relative)));

        Assert.True(prometheus.NativeHistogramsEnabled);
        Assert.Equal("native-histograms", flags.RootElement.GetProperty("data").GetProperty("enable-feature").GetString());
    }
}
