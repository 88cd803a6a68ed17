using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.TestUtils;

/// <summary>Wraps a real format and counts the responses written with it, to see what a client negotiated.</summary>
public sealed class CountingFormat(ExpositionFormat inner) : ExpositionFormat
{
    private int _writes;

    /// <summary>Gets how many responses were written with the format.</summary>
    public int Writes => Volatile.Read(ref _writes);

    public override string Name => inner.Name;

    public override string MediaType => inner.MediaType;

    public override string ContentType => inner.ContentType;

    public override double Quality => inner.Quality;

    public override bool Satisfies(MediaRange range) => inner.Satisfies(range);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        Interlocked.Increment(ref _writes);
        inner.Write(destination, metrics);
    }
}
