using System.Text;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.Infrastructure;

/// <summary>
/// The smoke test every example gets: started as a process, scraped over loopback until <c>ready</c> holds, the
/// text output checked by the caller, by promtool and for series that lack a label their siblings carry, OpenMetrics and protobuf served too, then stopped with
/// Ctrl+C (SIGINT) within 15 s, exiting 0 after printing <c>Stopped.</c>.
/// </summary>
internal static class ExampleRun
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <param name="sample">The sample's project name.</param>
    /// <param name="ready">True once a scrape shows what the sample is about.</param>
    /// <param name="what">What <paramref name="ready"/> waits for, for the timeout message.</param>
    /// <param name="check">The caller's assertions on the scrape <paramref name="ready"/> accepted.</param>
    /// <param name="acceptedLint">
    /// promtool lint findings (exact lines) the sample is known to produce from collectors it does not own; any other
    /// finding, or a parse error, fails. Default: none.
    /// </param>
    public static async Task SmokeAsync(string sample, Func<string, bool> ready, string what, Action<string> check, params string[] acceptedLint)
    {
        await using var process = await SampleProcess.StartAsync(sample);
        Assert.Equal("127.0.0.1", process.Url.Host);
        Assert.Equal("/metrics", process.Url.AbsolutePath);

        // A scrape before the first update must not leave series behind that the updates do not touch.
        await Scrape.TextAsync(process.Url);
        var text = await Scrape.UntilAsync(process.Url, ready, what);
        check(text);
        SeriesLabels.AssertConsistent(text);
        var promtool = Promtool.CheckMetrics(Encoding.UTF8.GetBytes(text));
        var findings = promtool.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Except(acceptedLint).ToArray();
        Assert.True(promtool.ExitCode == 0 || (promtool.ExitCode == 3 && findings.Length == 0), $"promtool check metrics (exit {promtool.ExitCode}): {promtool.Output}\n{text}");

        var openMetrics = await Scrape.GetAsync(process.Url, Scrape.OpenMetrics);
        Assert.Equal("application/openmetrics-text", openMetrics.ContentType);
        Assert.EndsWith("# EOF\n", Encoding.UTF8.GetString(openMetrics.Body), StringComparison.Ordinal);
        var protobuf = await Scrape.GetAsync(process.Url, Scrape.Protobuf);
        Assert.Equal("application/vnd.google.protobuf", protobuf.ContentType);
        Assert.NotEmpty(protobuf.Body);

        var exitCode = await process.InterruptAsync(StopTimeout);
        Assert.True(exitCode == 0, $"{sample} exited {exitCode} after SIGINT. Output:\n{process.Output}");
        Assert.Contains("Stopped.", process.Output, StringComparison.Ordinal);
    }
}
