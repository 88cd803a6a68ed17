using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.TimerExample;

public sealed class TimerExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_ShowsTheRequestSummaryThenStops() =>
        ExampleRun.SmokeAsync(
            "TimerExample",
            text => !text.Contains("request_processing_seconds_count 0\n", StringComparison.Ordinal),
            "a timed request",
            text =>
            {
                Assert.Contains("# HELP request_processing_seconds Time spent processing request\n", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE request_processing_seconds summary\n", text, StringComparison.Ordinal);
                foreach (var quantile in new[] { "0.5", "0.9", "0.99" })
                {
                    Assert.Contains($"request_processing_seconds{{quantile=\"{quantile}\"}} ", text, StringComparison.Ordinal);
                }

                // Each request awaits a random delay below one second, so the sum stays below the count.
                var count = Value(text, "request_processing_seconds_count");
                Assert.InRange(Value(text, "request_processing_seconds_sum"), 0, count);
            });

    private static double Value(string text, string series) =>
        double.Parse(text.Split('\n').Single(line => line.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
