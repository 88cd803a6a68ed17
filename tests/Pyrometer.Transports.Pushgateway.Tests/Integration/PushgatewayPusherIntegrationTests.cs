using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

[Collection(PushgatewayCollection.Name)]
public class PushgatewayPusherIntegrationTests(PushgatewayFixture gateway)
{
    private PushgatewayPusher CreatePusher(string job, bool protobuf = false, IDictionary<string, string>? groupingKey = null)
    {
        var options = new PushgatewayPusherOptions { Endpoint = gateway.BaseAddress, Job = job };
        if (groupingKey is not null)
        {
            options.GroupingKey = groupingKey;
        }

        if (protobuf)
        {
            options.Formats.AddProtobufFormat();
        }

        return new PushgatewayPusher(options);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplaceAsync_TextOrProtobuf_GatewayExposesTheValues(bool protobuf)
    {
        var job = protobuf ? "it_replace_protobuf" : "it_replace_text";
        using var pusher = CreatePusher(job, protobuf);
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        counter.WithLabels("/p/user").Add(2);
        registry.CreateHistogram("work_seconds", "Work.", new HistogramOptions { Buckets = [0.1, 1] }).Observe(0.5);

        await pusher.ReplaceAsync(registry);

        Assert.Equal(3, await GatewayReader.GetExposedValueAsync(gateway, $"total_requests{{instance=\"\",job=\"{job}\",url=\"/p/user\"}}"));
        Assert.Equal(1, await GatewayReader.GetExposedValueAsync(gateway, $"work_seconds_bucket{{instance=\"\",job=\"{job}\",le=\"1\"}}"));
        var group = await GatewayReader.FindGroupAsync(gateway, job);
        Assert.NotNull(group);
        Assert.Equal(3, Assert.Single(group.Samples["total_requests"]).Value);
    }

    [Fact]
    public async Task AddAsync_ThenReplaceAsync_AddKeepsOtherMetricsReplaceDropsThem()
    {
        const string Job = "it_add_replace";
        using var pusher = CreatePusher(Job);
        var first = new MetricRegistry();
        first.CreateCounter("kept_total", "Kept by add.").Add(7);
        first.CreateCounter("changed_total", "Changed.").Add(1);
        await pusher.ReplaceAsync(first);

        var second = new MetricRegistry();
        second.CreateCounter("changed_total", "Changed.").Add(5);
        await pusher.AddAsync(second);

        var afterAdd = (await GatewayReader.FindGroupAsync(gateway, Job))!;
        Assert.Equal(7, Assert.Single(afterAdd.Samples["kept_total"]).Value);
        Assert.Equal(5, Assert.Single(afterAdd.Samples["changed_total"]).Value);

        await pusher.ReplaceAsync(second);

        var afterReplace = (await GatewayReader.FindGroupAsync(gateway, Job))!;
        Assert.False(afterReplace.Samples.ContainsKey("kept_total"));
        Assert.Equal(5, Assert.Single(afterReplace.Samples["changed_total"]).Value);
        Assert.Null(await GatewayReader.GetExposedValueAsync(gateway, $"kept_total{{instance=\"\",job=\"{Job}\"}}"));
    }

    [Fact]
    public async Task DeleteAsync_PushedGroup_GroupIsGone()
    {
        const string Job = "it_delete";
        using var pusher = CreatePusher(Job);
        await pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry);
        Assert.NotNull(await GatewayReader.FindGroupAsync(gateway, Job));

        await pusher.DeleteAsync();

        // DELETE is queued (202), ordered after earlier pushes; poll briefly for it to apply.
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (await GatewayReader.FindGroupAsync(gateway, Job) is not null && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(50);
        }

        Assert.Null(await GatewayReader.FindGroupAsync(gateway, Job));
        Assert.Null(await GatewayReader.GetExposedValueAsync(gateway, $"total_requests{{instance=\"\",job=\"{Job}\",url=\"/p/user\"}}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReplaceAsync_AwkwardGroupingKey_LandsAsExactlyThoseLabels(bool protobuf)
    {
        var job = protobuf ? "it/key/protobuf" : "it/key/text";
        var key = new Dictionary<string, string>
        {
            ["path"] = "/p/user",
            ["empty"] = "",
            ["city"] = "Zürich 日本",
            ["odd"] = "a+b=c%20 d",
        };
        using var pusher = CreatePusher(job, protobuf, key);

        await pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry);

        var group = await GatewayReader.FindGroupAsync(gateway, job);
        Assert.NotNull(group);
        // Exactly the grouping key and the job: the empty value kept as an empty label, nothing else added.
        var expected = new Dictionary<string, string>(key) { ["job"] = job };
        Assert.Equal(expected.OrderBy(l => l.Key, StringComparer.Ordinal), group.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(1, Assert.Single(group.Samples["total_requests"]).Value);
        await pusher.DeleteAsync();
    }
}
