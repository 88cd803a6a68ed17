using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>
/// A real Prometheus 2.42 without native histograms scrapes the same server: it negotiates OpenMetrics, where a
/// native-only histogram still shows its sum and count.
/// </summary>
[Collection(PrometheusCollection.Name)]
public sealed class OpenMetricsPrometheusTests(PrometheusFixture prometheus, ProtobufScrapedServer server)
    : ScrapedServerTests<PrometheusFixture>(prometheus, server)
{
    [Fact]
    public async Task Scrape_NativeHistogramsDisabled_NativeOnlyHistogramShowsSumAndCount()
    {
        const int n = ProtobufScrapedServer.NativeObservations;
        await Prometheus.WaitForValueAsync($"pb_native_seconds_count{{{Selector}}}", n);
        await Prometheus.WaitForValueAsync($"pb_native_seconds_sum{{{Selector}}}", n * (n + 1) / 2);

        Assert.True(Server.OpenMetrics.Writes > 0);
        Assert.Equal(0, Server.Protobuf.Writes);
    }
}
