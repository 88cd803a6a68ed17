using System.Collections.Concurrent;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>Passes requests on to the network and records each body and the status it was answered with.</summary>
/// <remarks>
/// An attempt that ends without a response (a timeout, a reset) is recorded with status 0: the receiver may or may not
/// have stored it.
/// </remarks>
internal sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    public const int NoResponse = 0;

    public ConcurrentQueue<(byte[] Body, int Status)> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (!IsRefused(e))
        {
            Exchanges.Enqueue((body, NoResponse));
            throw;
        }

        Exchanges.Enqueue((body, (int)response.StatusCode));
        return response;
    }

    // A refused connection never reached the receiver, so it is not an attempt of unknown outcome.
    private static bool IsRefused(Exception e) =>
        e is HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused } };
}
