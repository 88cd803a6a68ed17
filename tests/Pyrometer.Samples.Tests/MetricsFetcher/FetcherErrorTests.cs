using System.Text;
using Pyrometer.Samples.Tests.Infrastructure;
using Pyrometer.TestUtils;

namespace Pyrometer.Samples.Tests.MetricsFetcher;

public sealed class FetcherErrorTests
{
    [Fact]
    public async Task Fetch_DeadPort_SaysConnectionRefusedAndExits2()
    {
        var port = FreePort.Next();

        var result = await FetcherProcess.RunAsync("--url", $"http://127.0.0.1:{port}/metrics", "--format", "text");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: connection refused: nothing listens on 127.0.0.1:{port} (http://127.0.0.1:{port}/metrics)\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Fetch_ServerAnswers500_SaysTheStatusAndExits4()
    {
        await using var server = StubServer.Answering(500, "text/plain", Encoding.UTF8.GetBytes("collect failed\n"));

        var result = await FetcherProcess.RunAsync("--url", server.Url.ToString(), "--format", "text");

        Assert.Equal(4, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("500 Internal Server Error, text/plain, 15 bytes, ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"error: {server.Url} answered 500 Internal Server Error", lines[1]);
        Assert.Empty(result.Output);
    }

    public static TheoryData<string, string, byte[], string> UnparsableBodies => new()
    {
        { "text", "text/plain; version=0.0.4", Encoding.UTF8.GetBytes("# HELP up Up.\nup 1\n<html>oops</html>\n"), "the body does not parse as text/plain: line 3 is not a sample: '<html>oops</html>'" },
        { "openmetrics", "application/openmetrics-text; version=1.0.0", Encoding.UTF8.GetBytes("up 1\n"), "the body does not parse as application/openmetrics-text: an OpenMetrics body must end with '# EOF'" },
        { "text", "text/plain; version=0.0.4", [0x75, 0x70, 0x20, 0xFF, 0x0A], "the body does not parse as text/plain: " },
        // A length prefix of 100 bytes followed by 3.
        { "binary", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited", [100, 0x0A, 0x01, 0x61], "the body does not parse as application/vnd.google.protobuf: " },
        { "text", "text/html", Encoding.UTF8.GetBytes("<html></html>"), "the Content-Type 'text/html' is no metrics format" },
    };

    [Theory]
    [MemberData(nameof(UnparsableBodies))]
    public async Task Fetch_BodyThatDoesNotParseAsItsContentTypeSays_SaysWhyInOneLineAndExits5(string format, string contentType, byte[] body, string message)
    {
        await using var server = StubServer.Answering(200, contentType, body);

        var result = await FetcherProcess.RunAsync("--url", server.Url.ToString(), "--format", format);

        Assert.Equal(5, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith("error: " + message, error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Fetch_ServerThatNeverAnswers_TimesOutAndExits3()
    {
        await using var server = StubServer.Start(_ => Task.Delay(TimeSpan.FromSeconds(10)));

        var result = await FetcherProcess.RunAsync("--url", server.Url.ToString(), "--format", "text", "--timeout", "0.5");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"error: no complete answer from {server.Url} within 0.5 s\n", result.Error);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--interval", "0")]
    [InlineData("--url", "ftp://127.0.0.1/metrics")]
    public async Task Fetch_BadCommandLine_Exits1WithoutFetching(string option, string value)
    {
        var result = await FetcherProcess.RunAsync(option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option == "--format" ? "'xml'" : option, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_Help_ListsEveryOption()
    {
        var result = await FetcherProcess.RunAsync("-h");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--url", "--format", "--interval", "--timeout", "--debug", "-h, --help" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }
}
