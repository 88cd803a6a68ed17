using System.Globalization;
using System.Text;
using Pyrometer.Formats.Text.Tests.Infrastructure;
using Pyrometer.Samples.Tests.Infrastructure;

namespace Pyrometer.Samples.Tests.MetricsFetcher;

public sealed class FetcherFormatTests : IAsyncLifetime
{
    private KnownRegistry _server = null!;

    public async Task InitializeAsync() => _server = await KnownRegistry.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Fetch_Text_PrintsTheBodyAsServedAndAFetchLine()
    {
        var served = await Scrape.TextAsync(_server.Url);

        var result = await FetcherProcess.RunAsync("--url", _server.Url.ToString(), "--format", "text");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(served, result.Output);
        Assert.Matches(@"^200 OK, text/plain; version=0\.0\.4; charset=utf-8, \d+ bytes, \d+\.\d ms\n$", result.Error);
    }

    [Fact]
    public async Task Fetch_OpenMetrics_PrintsTheBodyAsServed()
    {
        var served = Encoding.UTF8.GetString((await Scrape.GetAsync(_server.Url, Scrape.OpenMetrics)).Body);

        var result = await FetcherProcess.RunAsync("--url", _server.Url.ToString(), "--format", "openmetrics");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(served, result.Output);
        Assert.Contains("# TYPE jobs counter\n", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("200 OK, application/openmetrics-text; version=1.0.0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_Binary_DecodesTheKnownValuesIntoText()
    {
        var result = await FetcherProcess.RunAsync("--url", _server.Url.ToString(), "--format", "binary");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("200 OK, application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited, ", result.Error, StringComparison.Ordinal);
        var lines = result.Output.Split('\n');
        foreach (var expected in KnownRegistry.ExpectedLines)
        {
            Assert.Contains(expected, lines);
        }

        // Native buckets, which text 0.0.4 cannot show, in their comment line: 1 in (0.5,1], 3 in (2,4].
        const string Native = "# native native_seconds schema=0 zero_threshold=2.938735877055719E-39 zero_count=0 (0.5,1]=1 (2,4]=1";
        Assert.True(lines.Contains(Native), result.Output);
        var promtool = Promtool.CheckMetrics(Encoding.UTF8.GetBytes(result.Output));
        Assert.True(promtool.ExitCode == 0, $"promtool check metrics: {promtool.Output}\n{result.Output}");
    }

    [Fact]
    public async Task Fetch_Binary_ShowsTheSameSamplesAsTheTextFormat()
    {
        var text = await Scrape.TextAsync(_server.Url);

        var result = await FetcherProcess.RunAsync("--url", _server.Url.ToString(), "--format", "binary");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Samples(text), Samples(result.Output));
    }

    [Fact]
    public async Task Fetch_NoFormat_AsksForOneOfTheThreeAndDecodesIt()
    {
        var result = await FetcherProcess.RunAsync("--url", _server.Url.ToString(), "--debug");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(@"> Accept: (text/plain; version=0\.0\.4|application/openmetrics-text; version=1\.0\.0|application/vnd\.google\.protobuf; proto=io\.prometheus\.client\.MetricFamily; encoding=delimited)\n", result.Error);
        Assert.Contains("< Content-Type: ", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"timings: asked for (text|openmetrics|binary), headers after \d+\.\d ms, body after \d+\.\d ms", result.Error);
        Assert.Contains("jobs_total{queue=\"a\\\"b\\\\c\"} 5\n", result.Output, StringComparison.Ordinal);
    }

    // name{labels} -> value, from every sample line of a text 0.0.4 page.
    private static Dictionary<string, double> Samples(string text) => text.Split('\n')
        .Where(line => line.Length > 0 && line[0] != '#')
        .Select(line => line.Split(' '))
        .ToDictionary(fields => fields[0], fields => double.Parse(fields[1], CultureInfo.InvariantCulture));
}
