using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Pyrometer.Packaging.Tests.Infrastructure;

namespace Pyrometer.Packaging.Tests;

// What a user who publishes with native AOT gets: samples/SimpleExample (Core, both text formats, protobuf and the
// HttpListener server) compiled to a native executable with no trim or AOT warning, which then serves all three
// formats. Every library is IsAotCompatible on net8.0+ (eng/Library.targets), so the analyzers see each build; this
// is the whole-program check the ILCompiler makes at publish.
public sealed partial class NativeAotTests : IDisposable
{
    private const string Protobuf = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";
    private readonly string _output = Directory.CreateTempSubdirectory("pyrometer-aot-").FullName;

    [Fact]
    public async Task Publish_SimpleExample_NoWarningsAndTheBinaryServesEveryFormat()
    {
        var project = Path.Combine(Repository.Root, "samples", "SimpleExample");
        var watch = Stopwatch.StartNew();
        // Warnings stay warnings here so each one is counted and named, not only the first as an error.
        var publish = await ProcessRunner.RunAsync(
            "dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-f", "net10.0", "-o", _output, "-nologo", "-nodeReuse:false", "-v", "minimal", "-p:TreatWarningsAsErrors=false"],
            Repository.Root,
            TimeSpan.FromMinutes(12));
        watch.Stop();

        Assert.True(publish.ExitCode == 0, $"The native AOT publish failed:{Environment.NewLine}{publish.Output}");
        var warnings = WarningLine().Matches(publish.Output).Select(match => match.Value.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        Assert.True(warnings.Length == 0, $"The native AOT publish raised {warnings.Length} warnings:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}");
        var binary = Path.Combine(_output, "SimpleExample");
        Assert.True(File.Exists(binary), $"No native executable at {binary}; publish said:{Environment.NewLine}{publish.Output}");
        Assert.False(File.Exists(Path.Combine(_output, "SimpleExample.dll")), "The publish left a managed SimpleExample.dll: it was not compiled ahead of time.");

        await using var run = await NativeRun.StartAsync(binary);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var series = $"events_total{{host=\"{Environment.MachineName}\",kind=\"timer_expiry\"}} ";

        // The counter shows no series before the first tick (a second after the start).
        Assert.True(await EventuallyContainsAsync(client, run.MetricsUrl, series), $"The native binary never served {series}.");

        var text = await GetAsync(client, run.MetricsUrl, accept: null);
        Assert.StartsWith("text/plain; version=0.0.4", text.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE events_total counter\n", text.Body, StringComparison.Ordinal);
        Assert.Contains(series, text.Body, StringComparison.Ordinal);

        var openMetrics = await GetAsync(client, run.MetricsUrl, "application/openmetrics-text; version=1.0.0");
        Assert.StartsWith("application/openmetrics-text; version=1.0.0", openMetrics.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE events counter\n", openMetrics.Body, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", openMetrics.Body, StringComparison.Ordinal);

        var protobuf = await GetAsync(client, run.MetricsUrl, Protobuf);
        Assert.Equal(Protobuf, protobuf.ContentType);
        Assert.Contains("events_total", protobuf.Body, StringComparison.Ordinal);

        Assert.Equal(0, await run.StopAsync());
        Console.WriteLine($"native AOT publish of SimpleExample: {watch.Elapsed.TotalSeconds:0} s, binary {new FileInfo(binary).Length / 1024} KiB, 0 warnings");
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static async Task<(string ContentType, string Body)> GetAsync(HttpClient client, Uri url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    private static async Task<bool> EventuallyContainsAsync(HttpClient client, Uri url, string expected)
    {
        // The first tick comes a second after the start; a loaded machine may take longer.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await GetAsync(client, url, accept: null)).Body.Contains(expected, StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    // MSBuild's canonical form: "path(line,col): warning IL3050: ..." or "ILC : AOT analysis warning IL3050: ...".
    [GeneratedRegex(@"^.*\bwarning [A-Z]+[0-9]+:.*$", RegexOptions.Multiline)]
    private static partial Regex WarningLine();

    /// <summary>The published executable, run on a free port until stopped with SIGTERM.</summary>
    private sealed class NativeRun : IAsyncDisposable
    {
        private readonly Process _process;

        private NativeRun(Process process, Uri metricsUrl)
        {
            _process = process;
            MetricsUrl = metricsUrl;
        }

        public Uri MetricsUrl { get; }

        public static async Task<NativeRun> StartAsync(string binary)
        {
            var process = Process.Start(new ProcessStartInfo(binary, ["0"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                const string Prefix = "Serving prometheus metrics on: ";
                if (line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    return new NativeRun(process, new Uri(line[Prefix.Length..]));
                }
            }

            process.Kill();
            throw new InvalidOperationException($"{binary} exited with {process.ExitCode} before it printed its metrics URL.");
        }

        public async Task<int> StopAsync()
        {
            var kill = await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Repository.Root, TimeSpan.FromSeconds(10));
            Assert.True(kill.ExitCode == 0, kill.Output);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
