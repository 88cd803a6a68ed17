using System.Buffers;

namespace Pyrometer.Internal;

/// <summary>
/// A growable byte buffer in one array rented from the shared pool: it grows by renting a larger array and returning
/// the old one, and keeps the written bytes contiguous so they can go to a stream in a single write.
/// </summary>
internal sealed class PooledByteBuffer : IBufferWriter<byte>, IDisposable
{
    /// <summary>The initial size when none is given.</summary>
    public const int DefaultInitialSize = 16 * 1024;

    private const int MaxSize = 0x7FFFFFC7; // Array.MaxLength, which netstandard2.0 lacks

    private byte[] _buffer;
    private int _written;

    public PooledByteBuffer(int initialSize = DefaultInitialSize)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialSize, 1));
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        if (count < 0 || count > _buffer.Length - _written)
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

    /// <summary>Appends bytes, growing as needed.</summary>
    public void Write(ReadOnlySpan<byte> source)
    {
        source.CopyTo(GetSpan(source.Length));
        _written += source.Length;
    }

    /// <summary>Writes everything written so far to a stream in one write.</summary>
    public ValueTask WriteToAsync(Stream destination, CancellationToken cancellationToken) =>
        destination.WriteAsync(WrittenMemory, cancellationToken);

    /// <summary>Writes everything written so far to a stream in one write and empties the buffer; await it before writing more.</summary>
    public ValueTask FlushToAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_written == 0)
        {
            return default;
        }

        var pending = WriteToAsync(destination, cancellationToken);
        _written = 0;
        return pending;
    }

    /// <summary>Forgets what was written and keeps the array for reuse.</summary>
    public void Clear() => _written = 0;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
            size = needed <= MaxSize ? MaxSize : throw new InvalidOperationException($"A pooled buffer cannot hold more than {MaxSize} bytes (2 GB).");
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
