using System.Diagnostics;
using System.Text;

namespace Pyrometer.TestUtils;

/// <summary>Runs a command-line tool the tests check output with (promtool, protoc), feeding it bytes on stdin.</summary>
public static class ToolProcess
{
    /// <summary>Finds an executable by name on PATH, or returns null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs <paramref name="executable"/> with <paramref name="input"/> on stdin; fails the test after 30 s.</summary>
    /// <param name="executable">The tool.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="input">What it reads on stdin.</param>
    /// <param name="environment">Environment variables to set for it, if any.</param>
    public static ToolResult Run(string executable, IEnumerable<string> arguments, ReadOnlySpan<byte> input, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            Assert.Fail($"{executable} {string.Join(' ', start.ArgumentList)} did not finish within 30 s.");
        }

        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }
}
