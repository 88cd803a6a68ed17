using System.Collections.Concurrent;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>Passes requests on to the network and records each body and the status it was answered with.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    public ConcurrentQueue<(byte[] Body, int Status)> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        Exchanges.Enqueue((body, (int)response.StatusCode));
        return response;
    }
}
