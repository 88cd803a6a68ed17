using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener.Tests.Fakes;

/// <summary>A stand-in text format that writes a body of a chosen length, <see cref="BodyOf"/>, whatever was collected.</summary>
internal sealed class SizedFormat(int length) : ExpositionFormat
{
    public override string Name => "text";

    public override string MediaType => "text/plain";

    public override string ContentType => "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The body of a given length: lines of digits, each line different from its neighbours.</summary>
    public static byte[] BodyOf(int length)
    {
        var body = new byte[length];
        for (var i = 0; i < length; i++)
        {
            body[i] = i % 64 == 63 ? (byte)'\n' : (byte)('0' + ((i / 64) + i) % 10);
        }

        return body;
    }

    public override bool Satisfies(MediaRange range) => range.Covers(MediaType);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        var body = BodyOf(length);
        body.CopyTo(destination.GetSpan(body.Length));
        destination.Advance(body.Length);
    }
}
