using System.IO.Compression;
using Microsoft.IO;

namespace Pyrometer.Transports;

/// <summary>
/// The memory a server's response bodies are buffered in: streams of fixed-size blocks from one
/// <see cref="RecyclableMemoryStreamManager"/> per server, so a body takes about its own size (never a doubled
/// array) and a scrape's blocks go back to the pool when its stream is disposed. The pool keeps at most
/// <see cref="MaxRetainedBytes"/> of free blocks; blocks returned beyond that are left to the garbage collector.
/// </summary>
internal sealed class ResponseBufferPool
{
    /// <summary>
    /// The size of a block. Every write of a body after its head is a whole block except the last. A block is much
    /// longer than a TCP segment on loopback (64 KiB), which the HttpListener transport's body writer relies on, and long
    /// enough that a body takes few writes: each write through a transport allocates a few hundred bytes.
    /// </summary>
    public const int BlockSize = ScrapeLimits.BufferBlockBytes;

    private const string Tag = "Pyrometer scrape response body";

    private readonly RecyclableMemoryStreamManager _manager;

    /// <param name="maxRetainedBytes">The most bytes of free blocks to keep, at least <see cref="BlockSize"/>; rounded down to whole blocks.</param>
    public ResponseBufferPool(long maxRetainedBytes)
    {
        var blocks = maxRetainedBytes / BlockSize;
        if (blocks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetainedBytes), maxRetainedBytes, $"The response buffer pool keeps at least one block of {BlockSize} bytes.");
        }

        MaxRetainedBytes = blocks * BlockSize;

        // The manager keeps a returned block while the free total is below its limit (0 means no limit), so a limit
        // of one byte above all the blocks but one holds the total at the blocks asked for. Large buffers serve only
        // a format's request for more than a block at once, which is rare; a limit they never fit under drops them.
        _manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = BlockSize,
            LargeBufferMultiple = BlockSize,
            MaximumBufferSize = 64 * BlockSize,
            MaximumSmallPoolFreeBytes = ((blocks - 1) * BlockSize) + 1,
            MaximumLargePoolFreeBytes = 1,
        });
    }

    /// <summary>Gets the most bytes of free blocks the pool keeps between scrapes.</summary>
    public long MaxRetainedBytes { get; }

    /// <summary>Gets the bytes of free blocks and buffers the pool holds now.</summary>
    public long RetainedBytes => _manager.SmallPoolFreeSize + _manager.LargePoolFreeSize;

    /// <summary>Gets the bytes of blocks and buffers that streams hold now.</summary>
    public long InUseBytes => _manager.SmallPoolInUseSize + _manager.LargePoolInUseSize;

    /// <summary>Returns an empty stream; disposing it gives its blocks back.</summary>
    public RecyclableMemoryStream Rent() => _manager.GetStream(Tag);

    /// <summary>Returns a new stream holding <paramref name="body"/> gzip-compressed; the body is left as it was.</summary>
    public RecyclableMemoryStream Compress(RecyclableMemoryStream body)
    {
        var compressed = Rent();
        try
        {
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                body.WriteTo(gzip);
            }

            return compressed;
        }
        catch
        {
            compressed.Dispose();
            throw;
        }
    }
}
