#if !NET
using System.Runtime.InteropServices;

namespace Pyrometer.Internal;

/// <summary>The memory-based stream overloads that netstandard2.0 lacks.</summary>
internal static class StreamPolyfills
{
    public static ValueTask WriteAsync(this Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (MemoryMarshal.TryGetArray(buffer, out var segment))
        {
            return new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        var copy = buffer.ToArray();
        return new ValueTask(stream.WriteAsync(copy, 0, copy.Length, cancellationToken));
    }
}
#endif
