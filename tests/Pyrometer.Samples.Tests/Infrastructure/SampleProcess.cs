using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>
/// A sample running as its own process (an example as <c>dotnet Sample.dll 0</c>: any free port), stopped as a user stops it, with
/// Ctrl+C: SIGINT sent with <c>kill -INT</c>. The process is started through <c>env --default-signal=INT</c>, because
/// a test run started in the background inherits SIGINT ignored, and .NET leaves an ignored signal ignored.
/// </summary>
internal sealed partial class SampleProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(string sample, string[] arguments)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its own output folder, as `dotnet run` would find its appsettings.json: not the test's, which holds every sample's.
            WorkingDirectory = Path.GetDirectoryName(SamplePaths.Dll(sample))!,
        };
        foreach (var argument in (string[])["--default-signal=INT", SamplePaths.DotnetHost, SamplePaths.Dll(sample), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => OnLine(line.Data);
        _process.ErrorDataReceived += (_, line) => OnLine(line.Data);
    }

    public Uri Url => _url.Task.Result;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the sample and waits for its <c>Serving prometheus metrics on: URL</c> line.</summary>
    public static async Task<SampleProcess> StartAsync(string sample)
    {
        var process = Launch(sample, "0");
        var exited = process._process.WaitForExitAsync();
        var first = await Task.WhenAny(process._url.Task, exited, Task.Delay(StartTimeout));
        Assert.True(first == process._url.Task, $"{sample} did not print 'Serving prometheus metrics on: URL' within {StartTimeout.TotalSeconds} s. Output:\n{process.Output}");
        return process;
    }

    /// <summary>Waits for the <c>Serving prometheus metrics on: URL</c> line of a sample started with <see cref="Launch"/>.</summary>
    public async Task<Uri> WaitForUrlAsync()
    {
        var first = await Task.WhenAny(_url.Task, _process.WaitForExitAsync(), Task.Delay(StartTimeout));
        Assert.True(first == _url.Task, $"The sample did not print 'Serving prometheus metrics on: URL' within {StartTimeout.TotalSeconds} s. Output:\n{Output}");
        return await _url.Task;
    }

    /// <summary>Starts a sample with <paramref name="arguments"/> without waiting for anything.</summary>
    public static SampleProcess Launch(string sample, params string[] arguments)
    {
        var process = new SampleProcess(sample, arguments);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Sends SIGINT, as Ctrl+C does, and returns the exit code once it has exited; fails after <paramref name="within"/>.</summary>
    public async Task<int> InterruptAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The sample did not stop within {within.TotalSeconds} s of SIGINT. Output:\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ServingLine().Match(line) is { Success: true } match)
        {
            _url.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex("^Serving prometheus metrics on: (http://\\S+)$")]
    private static partial Regex ServingLine();
}
