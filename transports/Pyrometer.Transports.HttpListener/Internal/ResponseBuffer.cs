using System.Buffers;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// A write-only body held in rented segments, so the response can carry a Content-Length and a failure while
/// writing still becomes a clean 500. It is both the formats' <see cref="IBufferWriter{T}"/> and the stream gzip
/// compresses into.
/// </summary>
internal sealed class ResponseBuffer : Stream, IBufferWriter<byte>
{
    private const int SegmentSize = 32 * 1024;

    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(SegmentSize);
    private int _written;
    private long _fullLength;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _fullLength + _written;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _current.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsSpan(_written);
    }

    public override void Write(byte[] buffer, int offset, int count) => Append(buffer.AsSpan(offset, count));

#if NET
    public override void Write(ReadOnlySpan<byte> buffer) => Append(buffer);
#endif

    /// <summary>Copies the body to another stream synchronously (used to feed a compressor).</summary>
    public void WriteTo(Stream destination)
    {
        foreach (var (array, length) in _full)
        {
            destination.Write(array, 0, length);
        }

        destination.Write(_current, 0, _written);
    }

    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var (array, length) in _full)
        {
            await destination.WriteAsync(array.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync(_current.AsMemory(0, _written), cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _current.Length > 0)
        {
            foreach (var (array, _) in _full)
            {
                ArrayPool<byte>.Shared.Return(array);
            }

            _full.Clear();
            ArrayPool<byte>.Shared.Return(_current);
            _current = [];
            _written = 0;
            _fullLength = 0;
        }

        base.Dispose(disposing);
    }

    private void Append(ReadOnlySpan<byte> source)
    {
        while (!source.IsEmpty)
        {
            var target = GetSpan();
            var chunk = Math.Min(target.Length, source.Length);
            source.Slice(0, chunk).CopyTo(target);
            _written += chunk;
            source = source.Slice(chunk);
        }
    }

    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_current.Length - _written >= sizeHint)
        {
            return;
        }

        if (_written > 0)
        {
            _full.Add((_current, _written));
            _fullLength += _written;
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, sizeHint));
        _written = 0;
    }
}
