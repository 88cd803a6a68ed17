using System.Buffers;

namespace Pyrometer.Internal;

/// <summary>An <see cref="IBufferWriter{T}"/> over rented segments, so output of any size never lands on the large-object heap.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int SegmentSize = 64 * 1024;

    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[] _current = ArrayPool<byte>.Shared.Rent(SegmentSize);
    private int _written;

    public long WrittenCount
    {
        get
        {
            long total = _written;
            foreach (var segment in _full)
            {
                total += segment.Length;
            }

            return total;
        }
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

    public async ValueTask CopyToAsync(Stream destination, CancellationToken cancellationToken)
    {
        foreach (var (array, length) in _full)
        {
            await destination.WriteAsync(array.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync(_current.AsMemory(0, _written), cancellationToken).ConfigureAwait(false);
    }

    public byte[] ToArray()
    {
        var result = new byte[WrittenCount];
        var offset = 0;
        foreach (var (array, length) in _full)
        {
            Buffer.BlockCopy(array, 0, result, offset, length);
            offset += length;
        }

        Buffer.BlockCopy(_current, 0, result, offset, _written);
        return result;
    }

    public void Dispose()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        ArrayPool<byte>.Shared.Return(_current);
        _current = [];
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        if (sizeHint < 1)
        {
            sizeHint = 1;
        }

        if (_current.Length - _written >= sizeHint)
        {
            return;
        }

        if (_written > 0)
        {
            _full.Add((_current, _written));
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, sizeHint));
        _written = 0;
    }
}
