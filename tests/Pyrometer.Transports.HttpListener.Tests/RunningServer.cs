using System.Net;

namespace Pyrometer.Transports.HttpListener.Tests;

/// <summary>A started server on a free loopback port and a client for it that does not decompress, for one test.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(HttpListenerMetricsServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    public HttpListenerMetricsServer Server { get; }

    public HttpClient Client { get; }

    public Uri Url => Server.MetricsUrl!;

    public static async Task<RunningServer> StartAsync(HttpListenerMetricsServerOptions options)
    {
        var server = new HttpListenerMetricsServer(options);
        await server.StartAsync();
        var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new RunningServer(server, client);
    }

    public Task<HttpResponseMessage> GetAsync(string? accept = null, string? acceptEncoding = null, string query = "") =>
        SendAsync(HttpMethod.Get, accept, acceptEncoding, query);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string? accept = null, string? acceptEncoding = null, string query = "")
    {
        var request = new HttpRequestMessage(method, new Uri(Url + query));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
