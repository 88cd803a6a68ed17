using System.Diagnostics;
using Pyrometer.TestUtils;
using RemoteWriteExample;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

[Collection(RemoteWriteReceiverCollection.Name)]
public class RemoteWriteExampleTests(RemoteWriteReceiverPrometheusFixture prometheus)
{
    [Fact]
    public async Task RunAsync_ReceiverUp_ExitsZeroAndTheFinalCountsAreStored()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RemoteWriteExampleProgram.RunAsync([prometheus.RemoteWriteEndpoint.AbsoluteUri], output, error);

        Assert.True(code == 0, error.ToString());
        Assert.Equal(string.Empty, error.ToString());
        Assert.Contains("sent 12 items (ok 9, failed 3)", output.ToString(), StringComparison.Ordinal);
        var job = $"job=\"{RemoteWriteExampleProgram.Job}\"";
        await prometheus.WaitForAsync($"remote_write_example_items_total{{{job},outcome=\"ok\"}}", s => s.Count == 1 && s[0].Value == 9);
        await prometheus.WaitForAsync($"remote_write_example_items_total{{{job},outcome=\"failed\"}}", s => s.Count == 1 && s[0].Value == 3);
        await prometheus.WaitForAsync($"remote_write_example_item_duration_seconds_count{{{job}}}", s => s.Count == 1 && s[0].Value == RemoteWriteExampleProgram.Items);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ExitsNonZeroWithOneLineWithinSeconds()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var url = $"http://127.0.0.1:{FreePort.Next()}/api/v1/write";
        var elapsed = Stopwatch.StartNew();

        var code = await RemoteWriteExampleProgram.RunAsync([url], output, error);

        Assert.Equal(1, code);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(15), $"took {elapsed.Elapsed}");
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"remote_write_example: remote write to {url} failed: ", line, StringComparison.Ordinal);
        Assert.Contains("requests unsent", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotAUrl_ExitsNonZeroNamingIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RemoteWriteExampleProgram.RunAsync(["not a url"], output, error);

        Assert.Equal(1, code);
        Assert.Contains("'not a url' is not an absolute URL", error.ToString(), StringComparison.Ordinal);
    }
}
