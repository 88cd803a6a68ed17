using System.Text;
using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

[Collection(PushgatewayCollection.Name)]
public sealed class PushgatewayContainerTests(PushgatewayFixture pushgateway)
{
    [Fact]
    public async Task GetMetricsTextAsync_AfterPut_ContainsPushedSample()
    {
        await PushAsync("put-read", "pushed_total 42\n");

        var text = await pushgateway.GetMetricsTextAsync();

        Assert.Contains("pushed_total{instance=\"\",job=\"put-read\"} 42", text);
    }

    [Fact]
    public async Task WipeAsync_AfterPut_GroupGone()
    {
        await PushAsync("wiped", "wiped_total 1\n");

        await pushgateway.WipeAsync();

        Assert.DoesNotContain("job=\"wiped\"", await pushgateway.GetMetricsTextAsync());
    }

    private async Task PushAsync(string job, string text)
    {
        using var client = new HttpClient { BaseAddress = pushgateway.BaseAddress };
        using var body = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await client.PutAsync(new Uri($"metrics/job/{job}", UriKind.Relative), body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
