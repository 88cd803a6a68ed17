using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>
/// Ready when an HTTP GET on the endpoint answers 2xx. The port-mapping based waits of Testcontainers do not work
/// with host networking, so readiness is checked from the host on 127.0.0.1. (Testcontainers itself fails the wait
/// at once, with the container's stderr, when the container exits.)
/// </summary>
internal sealed class ReadyEndpointWait(HttpClient client, Uri endpoint) : IWaitUntil
{
    public async Task<bool> UntilAsync(IContainer container)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            using var response = await client.GetAsync(endpoint, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
