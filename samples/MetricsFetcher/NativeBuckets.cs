using System.Globalization;
using System.Text;
using Google.Protobuf.Collections;
using Pyrometer.Formats.Protobuf.Schema;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>
/// Writes a native histogram's buckets as a comment line, which the text format has no other way to show:
/// <c># native name{labels} schema=3 zero_threshold=... zero_count=2 (0.917,1]=4 (1,1.091]=1</c>, each bucket
/// with its bounds, empty ones left out (index i covers (base^(i-1), base^i], base = 2^(2^-schema); negative buckets mirrored).
/// </summary>
internal static class NativeBuckets
{
    public static void Describe(StringBuilder text, string name, string labels, Histogram histogram)
    {
        var zeroCount = histogram.HasZeroCountFloat ? histogram.ZeroCountFloat : histogram.ZeroCount;
        text.Append(CultureInfo.InvariantCulture, $"# native {name}{labels} schema={histogram.Schema} zero_threshold={ProtobufTextWriter.Number(histogram.ZeroThreshold)} zero_count={ProtobufTextWriter.Number(zeroCount)}");
        var factor = Math.Pow(2, Math.Pow(2, -histogram.Schema));
        foreach (var (index, count) in Expand(histogram.NegativeSpan, histogram.NegativeDelta, histogram.NegativeCount).Where(NotEmpty).Reverse())
        {
            text.Append(CultureInfo.InvariantCulture, $" [{Bound(-Math.Pow(factor, index))},{Bound(-Math.Pow(factor, index - 1))})={ProtobufTextWriter.Number(count)}");
        }

        foreach (var (index, count) in Expand(histogram.PositiveSpan, histogram.PositiveDelta, histogram.PositiveCount).Where(NotEmpty))
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Bound(Math.Pow(factor, index - 1))},{Bound(Math.Pow(factor, index))}]={ProtobufTextWriter.Number(count)}");
        }

        text.Append('\n');
    }

    // Spans give runs of bucket indexes (offset from the end of the previous run); integer counts come as deltas
    // from the previous bucket's count, float counts as they are.
    private static IEnumerable<(int Index, double Count)> Expand(RepeatedField<BucketSpan> spans, RepeatedField<long> deltas, RepeatedField<double> counts)
    {
        var index = 0;
        var position = 0;
        long count = 0;
        foreach (var span in spans)
        {
            index += span.Offset;
            for (var i = 0; i < span.Length; i++, index++, position++)
            {
                if (counts.Count > 0)
                {
                    yield return (index, position < counts.Count ? counts[position] : 0);
                }
                else
                {
                    count += position < deltas.Count ? deltas[position] : 0;
                    yield return (index, count);
                }
            }
        }
    }

    // Spans may hold empty buckets (a short gap costs less inside a span than a new span); they are not shown.
    private static bool NotEmpty((int Index, double Count) bucket) => bucket.Count != 0;

    private static string Bound(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
