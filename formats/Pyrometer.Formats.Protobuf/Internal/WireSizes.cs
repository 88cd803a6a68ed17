namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>Sizes of the fields written, computed from the values themselves so no message is built.</summary>
internal static class WireSizes
{
    // DateTimeOffset.UnixEpoch.UtcTicks, which netstandard2.0 lacks.
    private const long UnixEpochTicks = 621_355_968_000_000_000L;

    /// <summary>Gets the size of a length-delimited field holding <paramref name="length"/> bytes: tag, length, content.</summary>
    public static int Field(int length) => ProtoSizes.Field(length);

    /// <summary>Gets the size of a varint field: tag and value.</summary>
    public static int Varint(ulong value) => ProtoSizes.Varint(value);

    /// <summary>Splits a time into the seconds and nanoseconds since the Unix epoch of a <c>Timestamp</c>.</summary>
    public static (long Seconds, int Nanos) UnixTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - UnixEpochTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var remainder = ticks % TimeSpan.TicksPerSecond;
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        return (seconds, (int)(remainder * 100));
    }

    /// <summary>Gets the content size of a <c>Timestamp</c>; zero fields are left out, as proto3's writer does.</summary>
    public static int Timestamp(long seconds, int nanos) =>
        (seconds == 0 ? 0 : Varint((ulong)seconds)) + (nanos == 0 ? 0 : Varint((ulong)nanos));

    /// <summary>Gets the content size of an <c>Exemplar</c>: its labels, its value and its timestamp.</summary>
    public static int Exemplar(RecordedExemplar exemplar, byte[] labels)
    {
        var (seconds, nanos) = UnixTime(exemplar.Timestamp);
        return labels.Length + WireTags.DoubleFieldSize + Field(Timestamp(seconds, nanos));
    }
}
