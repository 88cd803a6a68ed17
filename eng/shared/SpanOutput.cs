using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pyrometer.Internal;

/// <summary>
/// Appends bytes to an <see cref="IBufferWriter{T}"/> through a span it keeps between writes, so a format writes
/// a record with a few copies rather than a buffer request per token. Formats wrap it with their own primitives
/// (<see cref="Reserve"/> a span, fill it, <see cref="Advance"/>). Call <see cref="Flush"/> when done.
/// </summary>
internal ref struct SpanOutput
{
    private const int MinimumRequest = 4096;

    private readonly IBufferWriter<byte> _destination;
    private Span<byte> _span;
    private int _pending;
    private long _flushed;

    public SpanOutput(IBufferWriter<byte> destination)
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

    /// <summary>Gets at least <paramref name="size"/> free bytes to write into; <see cref="Advance"/> then commits what was used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Reserve(int size)
    {
        if (_span.Length - _pending < size)
        {
            Grow(size);
        }

        return _span.Slice(_pending);
    }

    /// <summary>Commits bytes written into the span <see cref="Reserve"/> returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => _pending += count;

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
