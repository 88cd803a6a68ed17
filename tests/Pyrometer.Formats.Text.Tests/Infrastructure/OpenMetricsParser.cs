using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>
/// Runs the strict OpenMetrics parser of the Python client library (Debian package python3-prometheus-client)
/// over an exposition: it checks the grammar, metadata, sample suffixes per type, bucket order and exemplars.
/// </summary>
internal static class OpenMetricsParser
{
    private const string Script =
        "import sys; from prometheus_client.openmetrics.parser import text_string_to_metric_families as p; list(p(sys.stdin.read()))";

    private static readonly Lazy<string?> Python = new(FindPythonWithParser);

    public static ParserResult Parse(byte[] exposition)
    {
        var python = Python.Value;
        if (python is null)
        {
            Assert.Fail("The OpenMetrics parser (Debian package python3-prometheus-client) is not installed: run eng/install-test-deps.sh to install the test dependencies.");
        }

        return Run(python, ["-c", Script], exposition);
    }

    private static ParserResult Run(string python, string[] arguments, byte[] input)
    {
        // The exposition is UTF-8 whatever the machine's locale says.
        var result = ToolProcess.Run(python, arguments, input, new Dictionary<string, string> { ["PYTHONIOENCODING"] = "utf-8" });
        return new ParserResult(result.ExitCode, (result.Output + result.Error).Trim());
    }

    /// <summary>
    /// Finds a python3 that can import the parser: the one on PATH first, then the system's, where the Debian package
    /// installs it (a python3 on PATH from a version manager has its own packages).
    /// </summary>
    private static string? FindPythonWithParser()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "python3"))
            .Append("/usr/bin/python3")
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal);
        return candidates.FirstOrDefault(python => Run(python, ["-c", "import prometheus_client.openmetrics.parser"], []).ExitCode == 0);
    }
}

/// <summary>What the parser said: exit code 0 means the exposition parsed; otherwise the output has its error.</summary>
internal sealed record ParserResult(int ExitCode, string Output);
