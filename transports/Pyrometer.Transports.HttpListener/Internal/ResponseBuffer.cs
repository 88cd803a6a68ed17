using System.Buffers;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// A write-only body in one rented, growing array, so the response can carry a Content-Length, a failure while
/// writing still becomes a clean 500, and the body goes to the connection in a single write. It is both the
/// formats' <see cref="IBufferWriter{T}"/> and the stream gzip compresses into.
/// </summary>
/// <remarks>
/// One write matters: HttpListener sends the headers with at most 16 KiB of the first write, and every further
/// write separately; on Linux, several partial sends in a row run into Nagle's algorithm and the client's
/// delayed ACK, which added 40 ms to scrapes of 36 KB to 83 KB bodies written in 32 KiB pieces.
/// </remarks>
internal sealed class ResponseBuffer : Stream, IBufferWriter<byte>
{
    private const int InitialSize = 16 * 1024;
    private const int MaxSize = 0x7FFFFFC7; // Array.MaxLength, which netstandard2.0 lacks

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public override void Write(byte[] buffer, int offset, int count) => Append(buffer.AsSpan(offset, count));

#if NET
    public override void Write(ReadOnlySpan<byte> buffer) => Append(buffer);
#endif

    /// <summary>Copies the body to another stream synchronously (used to feed a compressor).</summary>
    public void WriteTo(Stream destination) => destination.Write(_buffer, 0, _written);

    /// <summary>Writes the body to another stream in one write.</summary>
    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken) =>
        destination.WriteAsync(_buffer.AsMemory(0, _written), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _written = 0;
        }

        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<byte> source)
    {
        source.CopyTo(GetSpan(source.Length));
        _written += source.Length;
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var needed = (long)_written + sizeHint;
        var size = Math.Max(needed, (long)_buffer.Length * 2);
        if (size > MaxSize)
        {
            size = needed <= MaxSize ? MaxSize : throw new InvalidOperationException("A metrics response cannot exceed 2 GB.");
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
