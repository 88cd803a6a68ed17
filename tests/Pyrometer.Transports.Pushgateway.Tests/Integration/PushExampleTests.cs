using System.Diagnostics;
using PushExample;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

[Collection(PushgatewayCollection.Name)]
public class PushExampleTests(PushgatewayFixture gateway)
{
    private const string Series = "total_requests{instance=\"\",job=\"push_example\",url=\"/p/user\"}";

    [Fact]
    public async Task RunAsync_GatewayUp_ExitsZeroAndLeavesTheGroupWithTheFinalCount()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PushExampleProgram.RunAsync([gateway.BaseAddress.AbsoluteUri], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(6, await GatewayReader.GetExposedValueAsync(gateway, Series));
        Assert.Contains("holds total_requests{url=\"/p/user\"} 6", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Delete_ExitsZeroAndRemovesTheGroup()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PushExampleProgram.RunAsync([gateway.BaseAddress.AbsoluteUri, "--delete"], output, error);

        Assert.True(code == 0, error.ToString());
        var giveUp = Stopwatch.StartNew();
        while (await GatewayReader.FindGroupAsync(gateway, PushExampleProgram.Job) is not null && giveUp.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.Null(await GatewayReader.GetExposedValueAsync(gateway, Series));
    }

    [Fact]
    public async Task RunAsync_NothingListening_ExitsNonZeroWithOneLineWithinSeconds()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var elapsed = Stopwatch.StartNew();

        var code = await PushExampleProgram.RunAsync([$"http://127.0.0.1:{FreePort.Next()}"], output, error);

        Assert.NotEqual(0, code);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.Elapsed}");
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("push_example: push to http://127.0.0.1:", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotAUrl_ExitsNonZeroSayingSo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PushExampleProgram.RunAsync(["not a url"], output, error);

        Assert.NotEqual(0, code);
        Assert.Contains("'not a url' is not an absolute URL", error.ToString(), StringComparison.Ordinal);
    }
}
