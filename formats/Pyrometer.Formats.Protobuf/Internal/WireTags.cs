namespace Pyrometer.Formats.Protobuf.Internal;

/// <summary>
/// The tags (field number &lt;&lt; 3 | wire type) of the fields written, as in metrics.proto: wire type 0 is a
/// varint, 1 a fixed 64-bit value, 2 length-delimited.
/// </summary>
internal static class WireTags
{
    public const byte FamilyName = (1 << 3) | 2;
    public const byte FamilyHelp = (2 << 3) | 2;
    public const byte FamilyType = (3 << 3) | 0;
    public const byte FamilyMetric = (4 << 3) | 2;
    public const byte FamilyUnit = (5 << 3) | 2;

    public const byte LabelPair = (1 << 3) | 2;
    public const byte LabelName = (1 << 3) | 2;
    public const byte LabelValue = (2 << 3) | 2;

    public const byte MetricGauge = (2 << 3) | 2;
    public const byte MetricCounter = (3 << 3) | 2;
    public const byte MetricSummary = (4 << 3) | 2;
    public const byte MetricHistogram = (7 << 3) | 2;

    public const byte GaugeValue = (1 << 3) | 1;

    public const byte CounterValue = (1 << 3) | 1;
    public const byte CounterExemplar = (2 << 3) | 2;
    public const byte CounterCreated = (3 << 3) | 2;

    public const byte SummaryCount = (1 << 3) | 0;
    public const byte SummarySum = (2 << 3) | 1;
    public const byte SummaryQuantile = (3 << 3) | 2;
    public const byte SummaryCreated = (4 << 3) | 2;
    public const byte QuantileQuantile = (1 << 3) | 1;
    public const byte QuantileValue = (2 << 3) | 1;

    public const byte HistogramCount = (1 << 3) | 0;
    public const byte HistogramSum = (2 << 3) | 1;
    public const byte HistogramBucket = (3 << 3) | 2;
    public const byte HistogramCreated = (15 << 3) | 2;
    public const byte BucketCumulativeCount = (1 << 3) | 0;
    public const byte BucketUpperBound = (2 << 3) | 1;
    public const byte BucketExemplar = (3 << 3) | 2;

    public const byte HistogramSchema = (5 << 3) | 0;
    public const byte HistogramZeroThreshold = (6 << 3) | 1;
    public const byte HistogramZeroCount = (7 << 3) | 0;
    public const byte HistogramNegativeSpan = (9 << 3) | 2;
    public const byte HistogramNegativeDelta = (10 << 3) | 2;
    public const byte HistogramPositiveSpan = (12 << 3) | 2;
    public const byte HistogramPositiveDelta = (13 << 3) | 2;

    /// <summary>Field 16, wire type 2: past 15, the tag takes two varint bytes.</summary>
    public static ReadOnlySpan<byte> HistogramExemplars => [(16 << 3) | 2 | 0x80, (16 << 3) >> 7];

    public const byte ExemplarLabel = (1 << 3) | 2;
    public const byte ExemplarValue = (2 << 3) | 1;
    public const byte ExemplarTimestamp = (3 << 3) | 2;

    public const byte TimestampSeconds = (1 << 3) | 0;
    public const byte TimestampNanos = (2 << 3) | 0;

    /// <summary>A tag, a fixed 64-bit value: 9 bytes.</summary>
    public const int DoubleFieldSize = ProtoSizes.DoubleFieldSize;
}
