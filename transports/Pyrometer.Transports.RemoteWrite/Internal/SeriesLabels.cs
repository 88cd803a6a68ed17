namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>
/// The encoded <c>labels</c> fields of every remote-write series one registry series expands into, built once per
/// series and sender: <see cref="Floats"/> in the order the encoder writes their samples (a counter or gauge: one;
/// a classic histogram: each <c>_bucket</c>, then <c>_sum</c> and <c>_count</c>; a summary: each quantile, then
/// <c>_sum</c> and <c>_count</c>), and <see cref="Native"/> for a native histogram's series. Also remembers the
/// exemplars already sent for the series (see <see cref="SentExemplars"/>), since it lives exactly as long as the
/// series and belongs to one sender.
/// </summary>
internal sealed class SeriesLabels(byte[][] floats, byte[]? native)
{
    public byte[][] Floats { get; } = floats;

    public byte[]? Native { get; } = native;

    /// <summary>Gets or sets the exemplar last sent per slot (a counter: one; a histogram: one per classic bucket, or one for a native-only histogram); null until the first is sent.</summary>
    public RecordedExemplar?[]? Exemplars { get; set; }
}
