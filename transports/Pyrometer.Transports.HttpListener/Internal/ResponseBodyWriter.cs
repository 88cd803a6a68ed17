using System.Buffers;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// Writes a whole response body, held in pooled blocks, to an <see cref="System.Net.HttpListenerResponse"/> stream
/// in as few writes as the managed HttpListener allows without copying large bodies.
/// </summary>
/// <remarks>
/// The managed HttpListener (Linux, macOS) copies the whole first asynchronous write of a response into the
/// MemoryStream that holds the headers and sends them together, so a large first write costs an allocation of its
/// size per scrape (on the large object heap from 85,000 bytes). A large body therefore starts with a small head,
/// which goes out with the headers, then each block in one write. Bodies up to the limit keep one write (their
/// copy stays below the large object heap) because splitting them could stall: when a write is shorter than a TCP
/// segment (up to 64 KiB on loopback) and follows a partial segment, Nagle's algorithm holds it until the client
/// acknowledges, which a client delaying its ACK does only after 40 ms. Above the limit, the writes after the head
/// are blocks (<see cref="ResponseBufferPool.BlockSize"/>, longer than any segment) and a last block that follows
/// a whole one, and a client acknowledges more than one segment's worth of data at once.
/// </remarks>
internal static class ResponseBodyWriter
{
    /// <summary>The largest body written in one write.</summary>
    public const int SingleWriteLimit = 80 * 1024;

    /// <summary>The length of the head written first when a body exceeds <see cref="SingleWriteLimit"/>.</summary>
    public const int HeadLength = 1024;

    public static Task WriteAsync(Stream destination, ReadOnlySequence<byte> body, CancellationToken cancellationToken) =>
        WriteAsync(destination, body, null, Timeout.InfiniteTimeSpan, cancellationToken);

    /// <summary>Writes the body, starting <paramref name="stall"/>'s timer of <paramref name="stallTimeout"/> anew before each write.</summary>
    public static async Task WriteAsync(Stream destination, ReadOnlySequence<byte> body, CancellationTokenSource? stall, TimeSpan stallTimeout, CancellationToken cancellationToken)
    {
        if (body.Length > SingleWriteLimit)
        {
            var head = body.First.Length > HeadLength ? body.First[..HeadLength] : body.First;
            stall?.CancelAfter(stallTimeout);
            await destination.WriteAsync(head, cancellationToken).ConfigureAwait(false);
            body = body.Slice(head.Length);
        }

        foreach (var segment in body)
        {
            stall?.CancelAfter(stallTimeout);
            await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
        }

        stall?.CancelAfter(Timeout.InfiniteTimeSpan);
    }
}
