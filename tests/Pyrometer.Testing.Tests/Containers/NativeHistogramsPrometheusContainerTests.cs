using System.Text.Json;
using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

[Collection(NativeHistogramsPrometheusCollection.Name)]
public sealed class NativeHistogramsPrometheusContainerTests(NativeHistogramsPrometheusFixture prometheus)
{
    [Fact]
    public async Task StartAsync_NativeHistograms_FeatureFlagActive()
    {
        using var client = new HttpClient { BaseAddress = prometheus.BaseAddress };

        using var flags = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/v1/status/flags", UriKind.Relative)));

        Assert.True(prometheus.NativeHistogramsEnabled);
        Assert.Equal("native-histograms", flags.RootElement.GetProperty("data").GetProperty("enable-feature").GetString());
    }
}
