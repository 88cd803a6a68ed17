using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public class SummaryTests
{
    private const int N = 100_000;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly MetricRegistry _registry;

    public SummaryTests()
    {
        _registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
    }

    public static TheoryData<string> Distributions => ["shuffled", "ascending", "descending", "exponential", "pareto", "duplicates"];

    [Fact]
    public void Observe_NaNThroughLabels_ThrowsAndCreatesNoSeries()
    {
        var summary = _registry.CreateSummary("payload_bytes", "Payload.", "path");

        Assert.Throws<ArgumentOutOfRangeException>(() => summary.Observe(new Labels { ["path"] = "/data" }, double.NaN));

        Assert.Equal(0, summary.SeriesCount);
    }

    [Fact]
    public void Quantiles_Default_AreTheDocumentedTargets()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");

        Assert.Equal([new QuantileTarget(0.5, 0.05), new QuantileTarget(0.9, 0.01), new QuantileTarget(0.99, 0.001)], summary.Quantiles);
        Assert.Equal(QuantileTarget.Defaults, summary.Quantiles);
        Assert.Equal(TimeSpan.FromMinutes(10), summary.MaxAge);
        Assert.Equal(5, summary.AgeBuckets);
    }

    [Fact]
    public void Quantiles_GivenOutOfOrder_AreSorted()
    {
        var summary = Create([new(0.9, 0.01), new(0.1, 0.01), new(0.5, 0.05)]);

        Assert.Equal([0.1, 0.5, 0.9], summary.Quantiles.Select(q => q.Quantile));
    }

    [Fact]
    public void GetSnapshot_NoQuantiles_GivesCountAndSumOnly()
    {
        var summary = Create([]);
        summary.Observe(1.5);
        summary.Observe(2);
        summary.Observe(-0.5);

        var count = summary.WithLabels().GetSnapshot(Span<double>.Empty, out var sum);

        Assert.Empty(summary.Quantiles);
        Assert.Equal(3, count);
        Assert.Equal(3, sum);
        Assert.Equal(3, summary.WithLabels().Count);
        Assert.Equal(3, summary.WithLabels().Sum);
    }

    [Fact]
    public void GetSnapshot_NoObservations_QuantilesNaNAndZeroCount()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");
        var values = new double[3];

        var count = summary.WithLabels().GetSnapshot(values, out var sum);

        Assert.Equal(0, count);
        Assert.Equal(0, sum);
        Assert.All(values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void GetSnapshot_DestinationTooShort_Throws()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();

        Assert.Throws<ArgumentException>(() => series.GetSnapshot(new double[2], out _));
    }

    [Fact]
    public void GetSnapshot_SingleObservation_EveryQuantileIsIt()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");
        summary.Observe(0.25);
        var values = new double[3];

        var count = summary.WithLabels().GetSnapshot(values, out var sum);

        Assert.Equal(1, count);
        Assert.Equal(0.25, sum);
        Assert.Equal([0.25, 0.25, 0.25], values);
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void GetSnapshot_KnownDistribution_EachEstimateWithinDeclaredRankError(string distribution)
    {
        QuantileTarget[] targets = [new(0.01, 0.001), new(0.1, 0.01), new(0.25, 0.02), new(0.5, 0.05), new(0.9, 0.01), new(0.99, 0.001), new(0.999, 0.0001)];
        var summary = Create(targets);
        var observations = Generate(distribution, N);
        foreach (var value in observations)
        {
            summary.Observe(value);
        }

        var estimates = new double[targets.Length];
        var count = summary.WithLabels().GetSnapshot(estimates, out var sum);

        Assert.Equal(N, count);
        Assert.Equal(observations.Sum(), sum, 6);
        Array.Sort(observations);
        for (var i = 0; i < targets.Length; i++)
        {
            AssertWithinRankError(observations, targets[i], estimates[i]);
        }
    }

    [Fact]
    public void GetSnapshot_ShuffledPermutation_DefaultTargetsWithinRankError()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");
        foreach (var value in Generate("shuffled", N))
        {
            summary.Observe(value);
        }

        var estimates = new double[3];
        summary.WithLabels().GetSnapshot(estimates, out _);

        // In a permutation of 1..N an observation's rank is its value.
        for (var i = 0; i < 3; i++)
        {
            var target = QuantileTarget.Defaults[i];
            Assert.InRange(estimates[i], (target.Quantile - target.Error) * N, (target.Quantile + target.Error) * N);
        }
    }

    [Fact]
    public void GetSnapshot_InterleavedWithObservations_StaysWithinRankError()
    {
        // Snapshots flush partial batches, so the estimator sees many small merges instead of full ones.
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");
        var series = summary.WithLabels();
        var observations = Generate("shuffled", 20_000);
        var estimates = new double[3];
        for (var i = 0; i < observations.Length; i++)
        {
            series.Observe(observations[i]);
            if (i % 37 == 0)
            {
                series.GetSnapshot(estimates, out _);
            }
        }

        series.GetSnapshot(estimates, out _);

        Array.Sort(observations);
        for (var i = 0; i < 3; i++)
        {
            AssertWithinRankError(observations, QuantileTarget.Defaults[i], estimates[i]);
        }
    }

    [Fact]
    public void GetSnapshot_AfterMaxAge_QuantilesNaNButSumAndCountCumulative()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        series.Observe(1);
        series.Observe(3);
        var values = new double[3];
        series.GetSnapshot(values, out _);
        Assert.Contains(values[0], new[] { 1.0, 3.0 });

        _time.Advance(TimeSpan.FromMinutes(10));
        var count = series.GetSnapshot(values, out var sum);

        Assert.All(values, v => Assert.True(double.IsNaN(v)));
        Assert.Equal(2, count);
        Assert.Equal(4, sum);
    }

    [Fact]
    public void GetSnapshot_IdleLongerThanMaxAgeWithoutSnapshot_QuantilesNaN()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        series.Observe(1);

        _time.Advance(TimeSpan.FromHours(1));
        var values = new double[3];
        var count = series.GetSnapshot(values, out _);

        Assert.All(values, v => Assert.True(double.IsNaN(v)));
        Assert.Equal(1, count);
    }

    [Fact]
    public void GetSnapshot_JustBeforeWindowEnds_OldValuesStillCounted()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        series.Observe(7);

        // The window slides by MaxAge / AgeBuckets = 2 minutes: a value stays visible for at least 8 minutes.
        _time.Advance(TimeSpan.FromMinutes(8) - TimeSpan.FromTicks(1));
        var values = new double[3];
        series.GetSnapshot(values, out _);

        Assert.Equal([7, 7, 7], values);
    }

    [Fact]
    public void GetSnapshot_PartialAdvance_OldValuesAgeOutBucketByBucket()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        var median = new double[3];

        // 300 old observations of 1 at t0, then 100 new observations of 1000 at t0 + 3 min.
        for (var i = 0; i < 300; i++)
        {
            series.Observe(1);
        }

        _time.Advance(TimeSpan.FromMinutes(3));
        for (var i = 0; i < 100; i++)
        {
            series.Observe(1000);
        }

        // t0 + 9 min: both still in the window; the median is an old value, the 0.99 quantile a new one.
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(400, series.GetSnapshot(median, out _));
        Assert.Equal(1, median[0]);
        Assert.Equal(1000, median[2]);

        // t0 + 10 min: the old values have aged out, the new ones (7 minutes old) have not.
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(400, series.GetSnapshot(median, out var sum));
        Assert.Equal([1000, 1000, 1000], median);
        Assert.Equal(300 + 100_000, sum);

        // t0 + 13 min: the new values are 10 minutes old too.
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(400, series.GetSnapshot(median, out _));
        Assert.All(median, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void GetSnapshot_ObservationsSpreadOverTime_OnlyRecentOnesInWindow()
    {
        var series = Create([new(0.5, 0.01)], TimeSpan.FromMinutes(1), ageBuckets: 6).WithLabels();
        var median = new double[1];

        // One observation per second for three minutes, value = the second it was made in.
        for (var second = 0; second < 180; second++)
        {
            series.Observe(second);
            _time.Advance(TimeSpan.FromSeconds(1));
            if (second % 13 == 0)
            {
                series.GetSnapshot(median, out _);
            }
        }

        series.GetSnapshot(median, out _);

        // With a 1 minute window sliding by 10 s, the window holds the last 50 to 60 seconds: 120..179 at most.
        Assert.InRange(median[0], 120, 179);
    }

    [Fact]
    public void Observe_WindowExpiresBetweenObservationsWithoutSnapshot_RecentValuesKept()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        series.Observe(1);

        // The old value's bucket expires while the new value waits in the buffer.
        _time.Advance(TimeSpan.FromMinutes(9.9));
        series.Observe(500);
        _time.Advance(TimeSpan.FromMinutes(0.2));

        var values = new double[3];
        var count = series.GetSnapshot(values, out _);

        Assert.Equal(2, count);
        Assert.Equal([500, 500, 500], values);
    }

    [Fact]
    public void Constructor_QuantileDeclaredLabel_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateSummary("latency_seconds", "Latency.", "quantile"));

        Assert.Contains("'quantile'", ex.Message);
    }

    [Fact]
    public void Observe_QuantileFreeFormLabel_Throws()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");

        Assert.Throws<ArgumentException>(() => summary.Observe(new Labels { ["quantile"] = "0.5" }, 1));
    }

    [Fact]
    public void Constructor_LeLabel_Allowed()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.", "le");

        summary.Observe(new Labels { ["le"] = "x" }, 1);

        Assert.Equal(1, summary.WithLabels("x").Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_MaxAgeNotPositive_Throws(int seconds)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Summary("latency_seconds", "Latency.", new SummaryOptions { MaxAge = TimeSpan.FromSeconds(seconds) }));

        Assert.Contains("MaxAge", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Constructor_AgeBucketsBelowOne_Throws(int buckets)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Summary("latency_seconds", "Latency.", new SummaryOptions { AgeBuckets = buckets }));

        Assert.Contains("age bucket", ex.Message);
    }

    [Fact]
    public void Constructor_DuplicateQuantile_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Create([new(0.5, 0.05), new(0.9, 0.01), new(0.5, 0.01)]));

        Assert.Contains("0.5", ex.Message);
        Assert.Contains("twice", ex.Message);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.0, 0.01)]
    [InlineData(1.0, 0.01)]
    public void Constructor_TargetThatCannotBeEstimated_Throws(double quantile, double error)
    {
        Assert.Throws<ArgumentException>(() => Create([new(quantile, error)]));
    }

    [Fact]
    public void Constructor_OneAgeBucket_WindowStillExpires()
    {
        var series = Create([new(0.5, 0.05)], TimeSpan.FromSeconds(30), ageBuckets: 1).WithLabels();
        series.Observe(4);
        var median = new double[1];
        series.GetSnapshot(median, out _);
        Assert.Equal(4, median[0]);

        _time.Advance(TimeSpan.FromSeconds(30));
        series.GetSnapshot(median, out _);

        Assert.True(double.IsNaN(median[0]));
    }

    [Fact]
    public void Observe_NaN_ThrowsAndRecordsNothing()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => summary.Observe(double.NaN));

        Assert.Equal("value", ex.ParamName);
        Assert.Equal(0, summary.WithLabels().Count);
    }

    [Fact]
    public void Observe_Infinities_Accepted()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.");

        summary.Observe(double.PositiveInfinity);
        summary.Observe(double.NegativeInfinity);

        Assert.Equal(2, summary.WithLabels().Count);
    }

    [Fact]
    public void GetSnapshot_WhileWritersObserve_SumMatchesCountAndCountNeverDecreases()
    {
        var series = _registry.CreateSummary("latency_seconds", "Latency.").WithLabels();
        const int Writers = 3;
        const int ObservationsPerWriter = 100_000;
        var writers = WriterThreads.Start(Writers, _ =>
        {
            for (var i = 0; i < ObservationsPerWriter; i++)
            {
                series.Observe(2);
            }
        });

        var values = new double[3];
        long last = 0;
        var snapshots = 0;
        do
        {
            var count = series.GetSnapshot(values, out var sum);
            Assert.True(count >= last, $"Count went from {last} down to {count}.");
            Assert.Equal(2.0 * count, sum);
            Assert.True(count == 0 || values.All(v => v == 2));
            last = count;
            snapshots++;
        }
        while (writers.Running);

        writers.Join();
        Assert.True(snapshots > 1);
        Assert.Equal(Writers * ObservationsPerWriter, series.GetSnapshot(values, out var total));
        Assert.Equal(2.0 * Writers * ObservationsPerWriter, total);
        Assert.Equal(Writers * ObservationsPerWriter, series.Count);
    }

    [Fact]
    public void Observe_LabelsStyle_AddressesDeclaredSeries()
    {
        var summary = _registry.CreateSummary("latency_seconds", "Latency.", "route");

        summary.Observe(new Labels { ["route"] = "/a" }, 3);

        Assert.Equal(3, summary.WithLabels("/a").Sum);
    }

    private static double[] Generate(string distribution, int n)
    {
        var random = new Random(20_240_601);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = distribution switch
            {
                "shuffled" or "ascending" => i + 1,
                "descending" => n - i,
                "exponential" => -Math.Log(1 - random.NextDouble()),
                "pareto" => Math.Pow(1 - random.NextDouble(), -1 / 1.2),
                "duplicates" => random.Next(10),
                _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
            };
        }

        if (distribution == "shuffled")
        {
            random.Shuffle(values);
        }

        return values;
    }

    private static void AssertWithinRankError(double[] sorted, QuantileTarget target, double estimate)
    {
        // Ranks are 1-based; tied observations share a range of ranks, any of which may be the one meant.
        var n = sorted.Length;
        var first = Array.BinarySearch(sorted, estimate);
        Assert.True(first >= 0, $"Estimate {estimate} for q={target.Quantile} is not an observation.");
        var low = first;
        while (low > 0 && sorted[low - 1] == estimate)
        {
            low--;
        }

        var high = first;
        while (high < n - 1 && sorted[high + 1] == estimate)
        {
            high++;
        }

        var allowedLow = (target.Quantile - target.Error) * n;
        var allowedHigh = (target.Quantile + target.Error) * n;
        Assert.True(
            high + 1 >= allowedLow && low + 1 <= allowedHigh,
            $"q={target.Quantile} ±{target.Error}: estimate {estimate} has rank {low + 1}..{high + 1}, allowed {allowedLow}..{allowedHigh}.");
    }

    private Summary Create(QuantileTarget[] targets, TimeSpan? maxAge = null, int ageBuckets = 5) =>
        _registry.CreateSummary("sample_seconds", "Test summary.", new SummaryOptions
        {
            Quantiles = targets,
            MaxAge = maxAge ?? TimeSpan.FromMinutes(10),
            AgeBuckets = ageBuckets,
        });
}
