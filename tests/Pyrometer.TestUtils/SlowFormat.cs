using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.TestUtils;

/// <summary>Wraps a real format and takes <paramref name="delay"/> longer to write, as a large registry would.</summary>
public sealed class SlowFormat(ExpositionFormat inner, TimeSpan delay) : WrappingFormat(inner)
{
    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        Thread.Sleep(delay);
        base.Write(destination, metrics);
    }
}
