namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>The tags (field number &lt;&lt; 3 | wire type) of remote write's <c>WriteRequest</c> as in remote.proto and types.proto.</summary>
internal static class RemoteWireTags
{
    public const byte RequestTimeSeries = (1 << 3) | 2;

    public const byte SeriesSample = (2 << 3) | 2;
    public const byte SeriesExemplar = (3 << 3) | 2;
    public const byte SeriesHistogram = (4 << 3) | 2;

    public const byte SampleValue = (1 << 3) | 1;
    public const byte SampleTimestamp = (2 << 3) | 0;

    // Exemplar{1 repeated Label labels (as a series' labels), 2 double value, 3 int64 timestamp}.
    public const byte ExemplarValue = (2 << 3) | 1;
    public const byte ExemplarTimestamp = (3 << 3) | 0;

    public const byte HistogramCountInt = (1 << 3) | 0;
    public const byte HistogramSum = (3 << 3) | 1;
    public const byte HistogramSchema = (4 << 3) | 0;
    public const byte HistogramZeroThreshold = (5 << 3) | 1;
    public const byte HistogramZeroCountInt = (6 << 3) | 0;
    public const byte HistogramNegativeSpans = (8 << 3) | 2;
    public const byte HistogramNegativeDeltas = (9 << 3) | 2;
    public const byte HistogramPositiveSpans = (11 << 3) | 2;
    public const byte HistogramPositiveDeltas = (12 << 3) | 2;
    public const byte HistogramTimestamp = (15 << 3) | 0;
}
