namespace Pyrometer.Formats.Protobuf.Tests.Infrastructure;

/// <summary>Reads a decoded histogram's native fields back into buckets and compares them with a snapshot.</summary>
internal static class NativeAssert
{
    public static void Matches(HistogramSnapshot snapshot, Schema.Histogram decoded)
    {
        Assert.True(decoded.HasSchema, "A native histogram must carry its schema.");
        Assert.Equal(snapshot.Schema, decoded.Schema);
        Assert.Equal(snapshot.ZeroThreshold, decoded.ZeroThreshold);
        Assert.Equal((ulong)snapshot.ZeroCount, decoded.ZeroCount);
        Assert.Equal(Expected(snapshot.PositiveBuckets), NonEmpty(decoded.PositiveSpan, decoded.PositiveDelta));
        Assert.Equal(Expected(snapshot.NegativeBuckets), NonEmpty(decoded.NegativeSpan, decoded.NegativeDelta));
        Assert.True(decoded.PositiveSpan.Count + decoded.NegativeSpan.Count > 0, "A native histogram must carry a span, the no-op one when it has no buckets.");
        Assert.Empty(decoded.PositiveCount);
        Assert.Empty(decoded.NegativeCount);
        Assert.False(decoded.HasZeroCountFloat);
        Assert.False(decoded.HasSampleCountFloat);
    }

    /// <summary>Expands spans and deltas into (index, count) for every bucket they cover, bridged empty ones included.</summary>
    public static List<(int Index, long Count)> Buckets(IList<Schema.BucketSpan> spans, IList<long> deltas)
    {
        var buckets = new List<(int Index, long Count)>();
        var index = 0;
        long count = 0;
        var next = 0;
        foreach (var span in spans)
        {
            index += span.Offset;
            for (var i = 0; i < span.Length; i++)
            {
                count += deltas[next++];
                Assert.True(count >= 0, $"Bucket {index} decodes to a negative count {count}.");
                buckets.Add((index++, count));
            }
        }

        Assert.Equal(deltas.Count, next);
        return buckets;
    }

    private static List<(int Index, long Count)> NonEmpty(IList<Schema.BucketSpan> spans, IList<long> deltas) =>
        Buckets(spans, deltas).Where(b => b.Count != 0).ToList();

    private static List<(int Index, long Count)> Expected(ReadOnlySpan<NativeBucket> buckets)
    {
        var expected = new List<(int Index, long Count)>();
        foreach (var bucket in buckets)
        {
            if (bucket.Count != 0)
            {
                expected.Add((bucket.Index, bucket.Count));
            }
        }

        return expected;
    }
}
