using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>
/// Appends bytes to an <see cref="IBufferWriter{T}"/> through a span it keeps between writes, so a sample line
/// costs a few copies rather than a buffer request per token. Call <see cref="Flush"/> when done.
/// </summary>
internal ref struct Utf8Output
{
    private const int MinimumRequest = 4096;

    private readonly IBufferWriter<byte> _destination;
    private Span<byte> _span;
    private int _pending;
    private long _flushed;

    public Utf8Output(IBufferWriter<byte> destination)
    {
        _destination = destination;
        _span = default;
        _pending = 0;
        _flushed = 0;
    }

    /// <summary>Gets the number of bytes written through this instance, flushed or not.</summary>
    public readonly long Written => _flushed + _pending;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _span.Length - _pending)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_span.Slice(_pending));
        _pending += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_pending == _span.Length)
        {
            Grow(1);
        }

        _span[_pending++] = value;
    }

    public void WriteDouble(double value)
    {
        Reserve();
        _pending += NumberFormatter.FormatDouble(value, _span.Slice(_pending));
    }

    public void WriteInt64(long value)
    {
        Reserve();
        _pending += NumberFormatter.FormatInt64(value, _span.Slice(_pending));
    }

    public void WriteUnixSeconds(DateTimeOffset time)
    {
        Reserve();
        _pending += NumberFormatter.FormatUnixSeconds(time, _span.Slice(_pending));
    }

    /// <summary>Commits what was written to the destination.</summary>
    public void Flush()
    {
        if (_pending > 0)
        {
            _destination.Advance(_pending);
            _flushed += _pending;
        }

        _span = default;
        _pending = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve()
    {
        if (_span.Length - _pending < NumberFormatter.MaxLength)
        {
            Grow(NumberFormatter.MaxLength);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        Flush();
        _span = _destination.GetSpan(Math.Max(needed, MinimumRequest));
        if (_span.Length < needed)
        {
            throw new InvalidOperationException($"The buffer writer returned {_span.Length} bytes where {needed} were requested.");
        }
    }
}
