using System.Net.Http.Headers;
using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>The HttpListener server, unchanged, serves the protobuf format once it is added to its formats.</summary>
public sealed class HttpListenerProtobufTests : IAsyncLifetime
{
    private readonly MetricRegistry _registry = new();
    private readonly HttpClient _client = new();
    private HttpListenerMetricsServer _server = null!;

    public async Task InitializeAsync()
    {
        _registry.CreateCounter("served_total", "Served.", "path").WithLabels("/ü").Add(7);
        _server = new HttpListenerMetricsServer(new HttpListenerMetricsServerOptions
        {
            Registry = _registry,
            Formats = new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat(),
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Get_ProtobufAcceptHeader_AnswersDelimitedProtobuf()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.MetricsUrl);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited");

        using var response = await _client.SendAsync(request);

        await AssertProtobufAsync(response);
    }

    [Fact]
    public async Task Get_FormatQueryProtobuf_AnswersDelimitedProtobuf()
    {
        using var response = await _client.GetAsync(new Uri(_server.MetricsUrl!, "?format=protobuf"));

        await AssertProtobufAsync(response);
    }

    [Fact]
    public async Task Get_NoAcceptHeader_AnswersText()
    {
        using var response = await _client.GetAsync(_server.MetricsUrl);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("served_total{path=\"/ü\"} 7", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task AssertProtobufAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        Assert.Equal(MediaTypeHeaderValue.Parse(ProtobufFormats.Delimited.ContentType), response.Content.Headers.ContentType);
        var families = Decoded.Parse(await response.Content.ReadAsByteArrayAsync());
        RegistryAssert.Matches(_registry, families);
        Assert.Equal(7, families.Family("served_total").Metric[0].Counter.Value);
    }
}
