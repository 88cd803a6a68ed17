using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>Runs <c>promtool check metrics</c>, Prometheus' own parser and linter for text format 0.0.4.</summary>
internal static class Promtool
{
    public static PromtoolResult CheckMetrics(byte[] exposition)
    {
        var promtool = ToolProcess.FindOnPath("promtool");
        if (promtool is null)
        {
            Assert.Fail("promtool is not installed (Debian package 'prometheus'): run eng/install-test-deps.sh to install the test dependencies.");
        }

        var result = ToolProcess.Run(promtool, ["check", "metrics"], exposition);
        return new PromtoolResult(result.ExitCode, (result.Output + result.Error).Trim());
    }
}

/// <summary>What promtool said: exit code 0 is clean, 1 a parse error, 3 lint findings.</summary>
internal sealed record PromtoolResult(int ExitCode, string Output);
