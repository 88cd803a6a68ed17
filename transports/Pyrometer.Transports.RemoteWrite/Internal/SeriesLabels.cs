namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// The encoded <c>labels</c> fields of every remote-write series one registry series expands into, built once per
/// series and sender: <see cref="Floats"/> in the order the encoder writes their samples (a counter or gauge: one;
/// a classic histogram: each <c>_bucket</c>, then <c>_sum</c> and <c>_count</c>; a summary: each quantile, then
/// <c>_sum</c> and <c>_count</c>), and <see cref="Native"/> for a native histogram's series.
/// </summary>
internal sealed class SeriesLabels(byte[][] floats, byte[]? native)
{
    public byte[][] Floats { get; } = floats;

    public byte[]? Native { get; } = native;
}
