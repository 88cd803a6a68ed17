using System.Text;
using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.MetricsFetcher;

public sealed class FetcherIntervalTests
{
    [Fact]
    public async Task Fetch_Interval_FetchesAgainUntilCtrlCThenExits0()
    {
        var fetches = 0;
        await using var server = StubServer.Start(async response =>
        {
            response.ContentType = "text/plain; version=0.0.4";
            var count = Interlocked.Increment(ref fetches);
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes($"fetches_total {count}\n"));
        });

        await using var fetcher = SampleProcess.Launch("MetricsFetcher", "--url", server.Url.ToString(), "--format", "text", "--interval", "0.2");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Volatile.Read(ref fetches) < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Volatile.Read(ref fetches) >= 3, $"Fewer than 3 fetches within 30 s. Output:\n{fetcher.Output}");
        var exitCode = await fetcher.InterruptAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(0, exitCode);
        Assert.Contains("fetches_total 1\n", fetcher.Output, StringComparison.Ordinal);
        Assert.Contains("fetches_total 3\n", fetcher.Output, StringComparison.Ordinal);
        Assert.True(fetcher.Output.Split('\n').Count(line => line.StartsWith("200 OK, text/plain", StringComparison.Ordinal)) >= 3, fetcher.Output);
    }
}
