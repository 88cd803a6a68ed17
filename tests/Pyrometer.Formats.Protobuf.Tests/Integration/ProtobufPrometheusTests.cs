using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>
/// A real Prometheus 2.42 run with <c>--enable-feature=native-histograms</c> scrapes the HttpListener server, which
/// offers text, OpenMetrics and protobuf; what it stored is read back through its query API.
/// </summary>
[Collection(NativeHistogramsPrometheusCollection.Name)]
public sealed class ProtobufPrometheusTests(NativeHistogramsPrometheusFixture prometheus, ProtobufScrapedServer server)
    : ScrapedServerTests<NativeHistogramsPrometheusFixture>(prometheus, server)
{
    [Fact]
    public async Task Scrape_NativeHistogramsEnabled_NegotiatesProtobufOnly()
    {
        await Prometheus.WaitForValueAsync($"up{{{Selector}}}", 1);

        await Prometheus.WaitForTargetAsync(ProtobufScrapedServer.Job, t => t.Health == "up" && t.LastError.Length == 0);
        Assert.True(Server.Protobuf.Writes > 0);
        Assert.Equal(0, Server.OpenMetrics.Writes);
        Assert.Equal(0, Server.Text.Writes);
    }

    [Fact]
    public async Task Scrape_Counter_ExactValuesWithAllLabels()
    {
        var samples = await Prometheus.WaitForAsync($"pb_events_total{{{Selector}}}", s => s.Count == 2);

        var plain = samples.Single(s => s.Labels["kind"] == "a");
        Assert.Equal(3, plain.Value);
        Assert.Equal("eu-1", plain.Labels["region"]);
        Assert.Equal("shop", plain.Labels["app"]);
        Assert.Equal(2.5, samples.Single(s => s.Labels["kind"] == ProtobufScrapedServer.TrickyLabelValue).Value);
    }

    [Fact]
    public async Task Scrape_Gauge_ExactValue()
    {
        await Prometheus.WaitForValueAsync($"pb_temperature_celsius{{{Selector}}}", -12.5);
    }

    [Fact]
    public async Task Scrape_ClassicHistogram_BucketCountsSumAndQuantile()
    {
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_count{{{Selector}}}", 50);

        // Prometheus' protobuf parser spells bucket bounds as OpenMetrics does: le="1.0", not le="1".
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_bucket{{{Selector},le=\"0.1\"}}", 10);
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_bucket{{{Selector},le=\"0.5\"}}", 30);
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_bucket{{{Selector},le=\"1.0\"}}", 40);
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_bucket{{{Selector},le=\"5.0\"}}", 50);
        await Prometheus.WaitForValueAsync($"pb_latency_seconds_bucket{{{Selector},le=\"+Inf\"}}", 50);
        // Each query waits for its result: a scrape that fails on a loaded machine (past the 1 s timeout) marks the
        // target's series stale until the next one, so a query made once after another may find them gone.
        var sum = Assert.Single(await Prometheus.WaitForAsync($"pb_latency_seconds_sum{{{Selector}}}", s => s.Count == 1));
        Assert.Equal((10 * 0.05) + (20 * 0.3) + (10 * 0.7) + (10 * 3), sum.Value, 9);
        await Prometheus.WaitForAsync($"pb_latency_seconds_bucket{{{Selector}}}", s => s.Count == 5);

        // Rank 25 of 50 lies in (0.1, 0.5], which holds ranks 11 to 30: 0.1 + 0.4 * 15/20.
        var median = Assert.Single(await Prometheus.WaitForAsync($"histogram_quantile(0.5, pb_latency_seconds_bucket{{{Selector}}})", s => s.Count == 1));
        Assert.Equal(0.4, median.Value, 9);
    }

    [Fact]
    public async Task Scrape_Summary_QuantilesCountAndSum()
    {
        var quantiles = await Prometheus.WaitForAsync($"pb_request_size_bytes{{{Selector}}}", s => s.Count == 3);

        // Observations 1..100; the default targets allow a rank error of 5, 1 and 0.1 percent.
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.5").Value, 45, 55);
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.9").Value, 89, 91);
        Assert.InRange(quantiles.Single(s => s.Labels["quantile"] == "0.99").Value, 98, 100);
        await Prometheus.WaitForValueAsync($"pb_request_size_bytes_count{{{Selector}}}", 100);
        await Prometheus.WaitForValueAsync($"pb_request_size_bytes_sum{{{Selector}}}", 5050);
    }

    [Fact]
    public async Task Scrape_NativeHistogram_CountSumExactAndMedianWithinTheSchemaError()
    {
        const int n = ProtobufScrapedServer.NativeObservations;
        await Prometheus.WaitForValueAsync($"histogram_count(pb_native_seconds{{{Selector}}})", n);

        // Each query waits for its result: a scrape that fails on a loaded machine (past the 1 s timeout) marks the
        // target's series stale until the next one, so a query made once after another may find them gone.
        var sum = Assert.Single(await Prometheus.WaitForAsync($"histogram_sum(pb_native_seconds{{{Selector}}})", s => s.Count == 1));
        Assert.Equal(n * (n + 1) / 2, sum.Value);

        // The median, 51, lies in one bucket (lower, upper] with upper / lower = 2^(2^-5); any point in it is
        // within that ratio of 51.
        var median = Assert.Single(await Prometheus.WaitForAsync($"histogram_quantile(0.5, pb_native_seconds{{{Selector}}})", s => s.Count == 1));
        var ratio = Math.Pow(2, Math.Pow(2, -NativeHistogramOptions.DefaultSchema));
        Assert.InRange(median.Value, 51 / ratio, 51 * ratio);

        // Native only: Prometheus stored no classic series for it.
        Assert.Empty(await Prometheus.QueryAsync($"pb_native_seconds_count{{{Selector}}}"));
    }
}
