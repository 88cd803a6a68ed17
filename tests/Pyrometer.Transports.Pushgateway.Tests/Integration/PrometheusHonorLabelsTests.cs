using Pyrometer.TestUtils;
using Pyrometer.Testing.Containers;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

[Collection(PrometheusScrapeCollection.Name)]
public class PrometheusHonorLabelsTests(PrometheusFixture prometheus, PushgatewayFixture gateway)
{
    [Fact]
    public async Task ReplaceAsync_PrometheusScrapesWithHonorLabels_SeesThePushedJobAndValue()
    {
        var options = new PushgatewayPusherOptions { Endpoint = gateway.BaseAddress, Job = "it_honor_labels", GroupingKey = { ["instance"] = "batch-host" } };
        using var pusher = new PushgatewayPusher(options);
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        counter.WithLabels("/p/user").Add(41);
        await pusher.ReplaceAsync(registry);

        using var target = prometheus.AddScrapeTarget(new ScrapeTarget("pushgateway", gateway.Port) { HonorLabels = true });

        var sample = await prometheus.WaitForValueAsync("total_requests{job=\"it_honor_labels\"}", 42);
        Assert.Equal("batch-host", sample.Labels["instance"]);
        Assert.Equal("/p/user", sample.Labels["url"]);
    }
}
