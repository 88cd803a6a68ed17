using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using System.Net;
using System.Text;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.Pushgateway.Tests;

public class PushgatewayPusherTests
{
    [Fact]
    public async Task ReplaceAsync_TextFormats_PutsText004WithoutTimestampsToTheGroup()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var options = PusherHarness.Options();
        options.GroupingKey["instance"] = "host/1";
        using var pusher = new PushgatewayPusher(options, client);
        var (registry, _) = PusherHarness.RegistryWithCounter();

        await pusher.ReplaceAsync(registry);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("http://pushgateway.test:9091/metrics/job/batch/instance@base64/aG9zdC8x", request.Uri.AbsoluteUri);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", request.ContentType);
        var body = Encoding.UTF8.GetString(request.Body);
        Assert.Contains("total_requests{url=\"/p/user\"} 1\n", body, StringComparison.Ordinal);
        // Every sample line is "series value": no third field, no timestamp.
        Assert.All(body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')), line =>
            Assert.DoesNotContain(' ', (line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..]).Trim()));
    }

    [Fact]
    public async Task AddAsync_Always_Posts()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        using var pusher = new PushgatewayPusher(PusherHarness.Options(), client);

        await pusher.AddAsync(PusherHarness.RegistryWithCounter().Registry);

        Assert.Equal("POST", Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task DeleteAsync_Always_DeletesTheGroupWithoutBody()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.Accepted);
        using var client = new HttpClient(handler);
        using var pusher = new PushgatewayPusher(PusherHarness.Options(), client);

        await pusher.DeleteAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Empty(request.Body);
        Assert.Equal("http://pushgateway.test:9091/metrics/job/batch", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ReplaceAsync_ProtobufFormatAdded_SendsDelimitedProtobuf()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var options = PusherHarness.Options();
        options.Formats.AddProtobufFormat();
        using var pusher = new PushgatewayPusher(options, client);

        await pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry);

        var request = Assert.Single(handler.Requests);
        Assert.StartsWith("application/vnd.google.protobuf", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("encoding=delimited", request.ContentType, StringComparison.Ordinal);
        Assert.Contains("total_requests", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
        Assert.Same(Pyrometer.Formats.Protobuf.ProtobufFormats.Delimited, pusher.Format);
    }

    [Fact]
    public async Task ReplaceAsync_Gzip_SendsCompressedBody()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var options = PusherHarness.Options();
        options.Gzip = true;
        using var pusher = new PushgatewayPusher(options, client);

        await pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("gzip", request.ContentEncoding);
        using var unzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        Assert.Contains("total_requests{url=\"/p/user\"} 1", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("job")]
    public async Task ReplaceAsync_MetricCarriesGroupingLabel_ThrowsNamingItWithoutSending(string label)
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var options = PusherHarness.Options();
        options.GroupingKey["url"] = "x";
        using var pusher = new PushgatewayPusher(options, client);
        var registry = new MetricRegistry();
        registry.CreateCounter("clashing_total", "Carries a grouping label.", label).WithLabels("v").Inc();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => pusher.ReplaceAsync(registry));

        Assert.Contains($"'{label}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'clashing_total'", error.Message, StringComparison.Ordinal);
        Assert.Equal("registry", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    public async Task ReplaceAsync_SuccessStatus_Completes(HttpStatusCode status)
    {
        var handler = ScriptedHttpHandler.Statuses(status);
        using var client = new HttpClient(handler);
        using var pusher = new PushgatewayPusher(PusherHarness.Options(), client);

        await pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry);

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(401, true)]
    [InlineData(404, true)]
    [InlineData(429, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public async Task ReplaceAsync_FailureStatus_ThrowsWithTheGatewaysExplanation(int status, bool clientError)
    {
        const string Explanation = "pushed metrics are invalid or inconsistent with existing metrics";
        var handler = new ScriptedHttpHandler((_, _) => Task.FromResult(ScriptedHttpHandler.Respond((HttpStatusCode)status, Explanation)));
        using var client = new HttpClient(handler);
        using var pusher = new PushgatewayPusher(PusherHarness.Options(), client);

        var error = await Assert.ThrowsAsync<HttpTransportException>(() => pusher.ReplaceAsync(PusherHarness.RegistryWithCounter().Registry));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(clientError, error.IsClientError);
        Assert.Contains(Explanation, error.Message, StringComparison.Ordinal);
        Assert.Contains("PUT http://pushgateway.test:9091/metrics/job/batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyJob_ThrowsNamingJob()
    {
        var error = Assert.Throws<ValidationException>(() => new PushgatewayPusher(PusherHarness.Options(job: "")));

        Assert.StartsWith("Job is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("job", "set Job instead")]
    [InlineData("1abc", "'1abc' is invalid")]
    public void Constructor_BadGroupingLabelName_ThrowsSayingWhatToChange(string name, string expected)
    {
        var options = PusherHarness.Options();
        options.GroupingKey[name] = "v";

        var error = Assert.Throws<ValidationException>(() => new PushgatewayPusher(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OnlyOpenMetrics_ThrowsAskingForAReadableFormat()
    {
        var options = PusherHarness.Options();
        options.Formats = new Pyrometer.Exposition.ExpositionFormatCollection().Add(Pyrometer.Formats.Text.TextFormats.OpenMetrics);

        var error = Assert.Throws<ValidationException>(() => new PushgatewayPusher(options));

        Assert.Contains("neither protobuf nor text 0.0.4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupUri_EndpointWithPathPrefix_KeepsThePrefix()
    {
        var options = PusherHarness.Options();
        options.Endpoint = new Uri("https://gateway.test/prefix/");

        using var pusher = new PushgatewayPusher(options);

        Assert.Equal("https://gateway.test/prefix/metrics/job/batch", pusher.GroupUri.AbsoluteUri);
    }
}
