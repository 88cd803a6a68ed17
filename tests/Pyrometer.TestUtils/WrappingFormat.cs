using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.TestUtils;

/// <summary>A format that is another one in every respect; subclasses change how it writes.</summary>
public abstract class WrappingFormat(ExpositionFormat inner) : ExpositionFormat
{
    public override string Name => inner.Name;

    public override string MediaType => inner.MediaType;

    public override string ContentType => inner.ContentType;

    public override double Quality => inner.Quality;

    public override bool Satisfies(MediaRange range) => inner.Satisfies(range);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics) => inner.Write(destination, metrics);
}
