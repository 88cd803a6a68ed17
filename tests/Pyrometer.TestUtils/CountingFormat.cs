using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.TestUtils;

/// <summary>Wraps a real format and counts the responses written with it, to see what a client negotiated.</summary>
public sealed class CountingFormat(ExpositionFormat inner) : WrappingFormat(inner)
{
    private int _writes;

    /// <summary>Gets how many responses were written with the format.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        Interlocked.Increment(ref _writes);
        base.Write(destination, metrics);
    }
}
