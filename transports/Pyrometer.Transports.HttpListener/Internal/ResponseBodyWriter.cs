namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// Writes a whole response body to an <see cref="System.Net.HttpListenerResponse"/> stream in as few writes as the
/// managed HttpListener allows without copying large bodies.
/// </summary>
/// <remarks>
/// The managed HttpListener (Linux, macOS) copies the whole first asynchronous write of a response into the
/// MemoryStream that holds the headers and sends them together, so one write of a large body costs an allocation of
/// its size per scrape (on the large object heap from 85,000 bytes). A large body is therefore written as a small
/// head, which goes out with the headers, then the rest in one write. Bodies up to the limit keep one write (their
/// copy stays below the large object heap) because splitting them could stall: when the second write is shorter
/// than a TCP segment (up to 64 KiB on loopback), Nagle's algorithm holds it until the client acknowledges the
/// first one, which a client delaying its ACK does only after 40 ms. Above the limit the rest is longer than any
/// segment, and a client acknowledges more than one segment's worth of data at once.
/// </remarks>
internal static class ResponseBodyWriter
{
    /// <summary>The largest body written in one write.</summary>
    public const int SingleWriteLimit = 80 * 1024;

    /// <summary>The length of the head written first when a body exceeds <see cref="SingleWriteLimit"/>.</summary>
    public const int HeadLength = 1024;

    public static async Task WriteAsync(Stream destination, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > SingleWriteLimit)
        {
            await destination.WriteAsync(body[..HeadLength], cancellationToken).ConfigureAwait(false);
            body = body[HeadLength..];
        }

        await destination.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
