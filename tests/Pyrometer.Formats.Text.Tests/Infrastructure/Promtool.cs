using System.Diagnostics;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>Runs <c>promtool check metrics</c>, Prometheus' own parser and linter for text format 0.0.4.</summary>
internal static class Promtool
{
    public static PromtoolResult CheckMetrics(byte[] exposition)
    {
        var promtool = Find();
        if (promtool is null)
        {
            Assert.Fail("promtool is not installed (Debian package 'prometheus'): run eng/install-test-deps.sh to install the test dependencies.");
        }

        var start = new ProcessStartInfo(promtool, "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(exposition);
        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            Assert.Fail("promtool check metrics did not finish within 30 s.");
        }

        return new PromtoolResult(process.ExitCode, (output.Result + error.Result).Trim());
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "promtool"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>What promtool said: exit code 0 is clean, 1 a parse error, 3 lint findings.</summary>
internal sealed record PromtoolResult(int ExitCode, string Output);
