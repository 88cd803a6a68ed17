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
    public static ToolResult Run(string executable, IEnumerable<string> arguments, ReadOnlySpan<byte> input)
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
