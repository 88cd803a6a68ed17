namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>One snappy-compressed <c>WriteRequest</c>, ready to send, and how many series it holds.</summary>
internal sealed class EncodedBatch(byte[] body, int seriesCount)
{
    public byte[] Body { get; } = body;

    public int SeriesCount { get; } = seriesCount;
}
