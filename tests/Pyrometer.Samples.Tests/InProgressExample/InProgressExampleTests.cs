using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.InProgressExample;

public sealed class InProgressExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_ShowsOneRequestInProgressOnRouteThenStops() =>
        ExampleRun.SmokeAsync(
            "InProgressExample",
            text => text.Contains("request_in_progress{route=\"/\"} 1\n", StringComparison.Ordinal),
            "request_in_progress{route=\"/\"} 1",
            text =>
            {
                Assert.Contains("# HELP request_in_progress Number of requests in progress\n", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE request_in_progress gauge\n", text, StringComparison.Ordinal);
            });
}
