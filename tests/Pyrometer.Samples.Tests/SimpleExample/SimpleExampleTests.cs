using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.SimpleExample;

public sealed class SimpleExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_ShowsEventsWithHostAndKindThenStops()
    {
        var series = $"events_total{{host=\"{Environment.MachineName}\",kind=\"timer_expiry\"}} ";
        return ExampleRun.SmokeAsync(
            "SimpleExample",
            text => text.Contains(series, StringComparison.Ordinal),
            series,
            text =>
            {
                Assert.Contains("# HELP events_total Number of events.\n", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE events_total counter\n", text, StringComparison.Ordinal);
            });
    }
}
