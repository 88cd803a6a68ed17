using System.Diagnostics;
using System.Globalization;
using Pyrometer.Samples.Tests.Infrastructure;
using Pyrometer.TestUtils;

namespace Pyrometer.Samples.Tests.HostedExample;

public class HostedExampleTests
{
    [Fact]
    public async Task HostedExample_PushgatewayEndpointSet_PushesAndLandsTheFinalValuesOnCtrlC()
    {
        await using var gateway = new PushgatewayFixture();
        await gateway.StartAsync();
        await using var sample = SampleProcess.Launch(
            "HostedExample", "--Pyrometer:HttpListener:Port=0", $"--Pyrometer:Pushgateway:Endpoint={gateway.BaseAddress}");

        var pushed = await WaitForAsync(async () => Series(await gateway.GetMetricsTextAsync(), "service_uptime_seconds").Length > 0);

        // A few jobs (one every 0.5 s, fewer on a loaded machine), seen on the sample's own endpoint: the pushes come
        // every 10 s, so only the final push brings them to the gateway.
        var url = await sample.WaitForUrlAsync();
        var done = 0.0;
        var counted = await WaitForAsync(async () => (done = Jobs(await Scrape.TextAsync(url))) >= 2);
        var exitCode = await sample.InterruptAsync(TimeSpan.FromSeconds(15));
        var jobs = Series(await gateway.GetMetricsTextAsync(), "jobs_processed_total");

        Assert.True(pushed, $"Nothing reached the Pushgateway. Output:\n{sample.Output}");
        Assert.True(counted, $"The sample counted {done} jobs within 60 s. Output:\n{sample.Output}");
        Assert.Equal(0, exitCode);
        Assert.Contains("Serving prometheus metrics on: http://127.0.0.1:", sample.Output, StringComparison.Ordinal);
        Assert.Contains($"Pushing metrics to: {gateway.BaseAddress}metrics/job/hosted-example/instance/hosted-example-1", sample.Output, StringComparison.Ordinal);
        Assert.NotEmpty(jobs);
        Assert.All(jobs, line => Assert.Contains("app=\"hosted-example\",instance=\"hosted-example-1\",job=\"hosted-example\"", line, StringComparison.Ordinal));
        Assert.True(jobs.Sum(Value) >= done, $"The final push held {jobs.Sum(Value)} jobs, the sample had counted {done} before Ctrl+C:\n{string.Join('\n', jobs)}");
    }

    [Fact]
    public async Task HostedExample_NoPushgatewayEndpoint_DoesNotPush()
    {
        await using var sample = await SampleProcess.StartAsync("HostedExample");

        var exitCode = await sample.InterruptAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Pushing metrics to", sample.Output, StringComparison.Ordinal);
    }

    private static string[] Series(string exposition, string metric) =>
        [.. exposition.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains("job=\"hosted-example\"", StringComparison.Ordinal))];

    // The jobs the sample counted, as its own /metrics shows them (every outcome).
    private static double Jobs(string exposition) =>
        exposition.Split('\n').Where(line => line.StartsWith("jobs_processed_total{", StringComparison.Ordinal)).Sum(Value);

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
