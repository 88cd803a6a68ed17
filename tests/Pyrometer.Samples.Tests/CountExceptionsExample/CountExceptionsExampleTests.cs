using System.Text.RegularExpressions;
using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.CountExceptionsExample;

public sealed partial class CountExceptionsExampleTests
{
    [Fact]
    public Task Run_ScrapedAndInterrupted_CountsTheHandlersExceptionsOnRouteThenStops() =>
        ExampleRun.SmokeAsync(
            "CountExceptionsExample",
            text => CountedLine().IsMatch(text),
            "request_handler_exceptions_total{route=\"/\"} of 1 or more",
            text =>
            {
                Assert.Contains("# HELP request_handler_exceptions_total Number of exceptions in requests\n", text, StringComparison.Ordinal);
                Assert.Contains("# TYPE request_handler_exceptions_total counter\n", text, StringComparison.Ordinal);
            });

    [GeneratedRegex("^request_handler_exceptions_total\\{route=\"/\"\\} [1-9][0-9]*$", RegexOptions.Multiline)]
    private static partial Regex CountedLine();
}
