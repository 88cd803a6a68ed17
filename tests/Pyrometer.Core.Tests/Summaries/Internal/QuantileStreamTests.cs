using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public class QuantileStreamTests
{
    private static readonly QuantileTarget[] Targets = [new(0.5, 0.05), new(0.9, 0.01), new(0.99, 0.001)];

    [Fact]
    public void Query_Empty_NaN()
    {
        var stream = new QuantileStream(Targets);

        Assert.True(double.IsNaN(stream.Query(0.5)));
        Assert.Equal(0, stream.Count);
    }

    [Fact]
    public void Query_FewValues_WithinOneRankOfExact()
    {
        var stream = new QuantileStream(Targets);

        stream.InsertSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        // Ranks are rounded up to whole observations, so with ten values an estimate may be one rank above.
        Assert.Equal(10, stream.Count);
        Assert.InRange(stream.Query(0.5), 5, 6);
        Assert.InRange(stream.Query(0.9), 9, 10);
        Assert.Equal(10, stream.Query(0.99));
        Assert.InRange(stream.Query(0.01), 1, 2);
    }

    [Fact]
    public void InsertSorted_EmptyBatch_NoChange()
    {
        var stream = new QuantileStream(Targets);

        stream.InsertSorted([]);

        Assert.Equal(0, stream.Count);
        Assert.Equal(0, stream.TupleCount);
    }

    [Fact]
    public void Reset_AfterInserts_EmptyAgain()
    {
        var stream = new QuantileStream(Targets);
        stream.InsertSorted([1, 2, 3]);

        stream.Reset();

        Assert.Equal(0, stream.Count);
        Assert.True(double.IsNaN(stream.Query(0.5)));
        stream.InsertSorted([7]);
        Assert.Equal(7, stream.Query(0.5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(500)]
    [InlineData(4_096)]
    public void InsertSorted_BatchesOfAnySize_EstimatesWithinRankError(int batchSize)
    {
        const int N = 50_000;
        var stream = new QuantileStream(Targets);
        var random = new Random(batchSize);
        var values = Enumerable.Range(1, N).Select(i => (double)i).ToArray();
        random.Shuffle(values);

        for (var start = 0; start < N; start += batchSize)
        {
            var batch = values.AsSpan(start, Math.Min(batchSize, N - start)).ToArray();
            Array.Sort(batch);
            stream.InsertSorted(batch);
        }

        Assert.Equal(N, stream.Count);
        foreach (var target in Targets)
        {
            // Values are a permutation of 1..N, so a value is its own rank.
            Assert.InRange(stream.Query(target.Quantile), (target.Quantile - target.Error) * N, (target.Quantile + target.Error) * N);
        }
    }

    [Fact]
    public void InsertSorted_ManyValues_KeepsFarFewerTuplesThanValues()
    {
        const int N = 100_000;
        var stream = new QuantileStream(Targets);
        var random = new Random(7);
        var batch = new double[500];
        for (var done = 0; done < N; done += batch.Length)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = random.NextDouble();
            }

            Array.Sort(batch);
            stream.InsertSorted(batch);
        }

        Assert.Equal(N, stream.Count);
        Assert.True(stream.TupleCount < N / 20, $"{stream.TupleCount} tuples kept for {N} values.");
    }

    [Fact]
    public void Query_LowAndHighQuantiles_MinimumAndMaximumKept()
    {
        var stream = new QuantileStream([new(0.001, 0.0001), new(0.999, 0.0001)]);
        var values = Enumerable.Range(1, 10_000).Select(i => (double)i).ToArray();

        stream.InsertSorted(values);

        Assert.InRange(stream.Query(0.001), 9, 11);
        Assert.InRange(stream.Query(0.999), 9_989, 9_991);
    }
}
