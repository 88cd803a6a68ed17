using System.Reflection;

namespace Pyrometer.Core.Tests;

public partial class CounterTests
{
    private const int Threads = 4;
    private const int IncrementsPerThread = 250_000;

    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Value_NeverUsed_IsZero()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");

        Assert.Equal(0, counter.Value);
    }

    [Fact]
    public void Inc_Unlabelled_AddsOne()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");

        counter.Inc();
        counter.Inc();

        Assert.Equal(2, counter.Value);
    }

    [Fact]
    public void Add_NonNegativeAmounts_AddsThem()
    {
        var counter = _registry.CreateCounter("bytes_total", "Bytes.");

        counter.Add(1.5);
        counter.Add(0);
        counter.Add(40);

        Assert.Equal(41.5, counter.Value);
    }

    [Fact]
    public void Add_PositiveInfinity_MakesValueInfinite()
    {
        var counter = _registry.CreateCounter("bytes_total", "Bytes.");

        counter.Add(double.PositiveInfinity);

        Assert.Equal(double.PositiveInfinity, counter.Value);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-0.0001)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Add_NegativeOrNaN_ThrowsAndKeepsValue(double amount)
    {
        var counter = _registry.CreateCounter("bytes_total", "Bytes.");
        counter.Add(3);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(amount));

        Assert.Equal("amount", ex.ParamName);
        Assert.Equal(3, counter.Value);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Add_NegativeOrNaNOnSeries_Throws(double amount)
    {
        var series = _registry.CreateCounter("bytes_total", "Bytes.", "path").WithLabels("/");

        Assert.Throws<ArgumentOutOfRangeException>(() => series.Add(amount));
        Assert.Equal(0, series.Value);
    }

    [Fact]
    public void Inc_Labels_CountsOnlyThatSeries()
    {
        var counter = _registry.CreateCounter("uploads_total", "Uploads.", "type");

        counter.Inc(new Labels { ["type"] = "png" });
        counter.Add(new Labels { ["type"] = "png" }, 2);
        counter.Inc(new Labels { ["type"] = "gif" });

        Assert.Equal(3, counter.WithLabels("png").Value);
        Assert.Equal(1, counter.WithLabels("gif").Value);
    }

    [Fact]
    public void Inc_UnlabelledOnCounterWithDeclaredLabels_ThrowsNamingTheLabels()
    {
        var counter = _registry.CreateCounter("uploads_total", "Uploads.", "type");

        var ex = Assert.Throws<InvalidOperationException>(counter.Inc);

        Assert.Contains("uploads_total", ex.Message);
        Assert.Contains("type", ex.Message);
    }

    [Fact]
    public void Add_NegativeThroughLabels_ThrowsAndCreatesNoSeries()
    {
        var counter = _registry.CreateCounter("uploads_total", "Uploads.", "type");

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(new Labels { ["type"] = "png" }, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add(new Labels { ["type"] = "gif" }, double.NaN));

        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void Inc_ManyThreadsOnUnlabelledCounter_TotalIsExact()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");

        WriterThreads.Run(Threads, _ =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Inc();
            }
        });

        Assert.Equal(Threads * IncrementsPerThread, counter.Value);
    }

    [Fact]
    public void Inc_ManyThreadsOnCachedChild_TotalIsExact()
    {
        var child = _registry.CreateCounter("requests_total", "Requests.", "route").WithLabels("/home");

        WriterThreads.Run(Threads, _ =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                child.Inc();
            }
        });

        Assert.Equal(Threads * IncrementsPerThread, child.Value);
    }

    [Fact]
    public void Add_ManyThreadsMixingAmounts_TotalIsExact()
    {
        var counter = _registry.CreateCounter("bytes_total", "Bytes.");

        // Halves and integers below 2^52 add up exactly in a double, so any interleaving gives the same total.
        WriterThreads.Run(Threads, t =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Add(t % 2 == 0 ? 0.5 : 2);
            }
        });

        Assert.Equal(Threads / 2 * IncrementsPerThread * 2.5, counter.Value);
    }

    [Fact]
    public void Value_WhileWritersRun_NeverDecreases()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        var writers = WriterThreads.Start(Threads, _ =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Inc();
            }
        });

        var last = 0.0;
        var reads = 0;
        while (writers.Running)
        {
            var value = counter.Value;
            Assert.True(value >= last, $"Value went from {last} down to {value}.");
            Assert.True(value <= Threads * IncrementsPerThread);
            last = value;
            reads++;
        }

        writers.Join();
        Assert.True(reads > 0);
        Assert.Equal(Threads * IncrementsPerThread, counter.Value);
    }

    [Fact]
    public void Inc_ManyThreadsOnStripedSeries_TotalIsExact()
    {
        // Contention that triggers striping depends on scheduling, so the striped path is also entered on purpose.
        var child = _registry.CreateCounter("requests_total", "Requests.", "route").WithLabels("/home");
        child.Inc();
        Stripe(child);

        WriterThreads.Run(Threads, _ =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                child.Inc();
            }
        });

        Assert.Equal(Environment.ProcessorCount > 1, IsStriped(child));
        Assert.Equal((Threads * IncrementsPerThread) + 1, child.Value);
    }

    [Fact]
    public void Inc_StripedWhileWritersRun_TotalIsExactAndNeverDecreases()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        var series = counter.WithLabels();
        var writers = WriterThreads.Start(Threads, _ =>
        {
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Add(1);
            }
        });

        var last = 0.0;
        var striped = false;
        while (writers.Running)
        {
            var value = counter.Value;
            Assert.True(value >= last, $"Value went from {last} down to {value}.");
            if (!striped && value > 0)
            {
                Stripe(series);
                striped = true;
            }

            last = value;
        }

        writers.Join();
        Assert.Equal(Threads * IncrementsPerThread, counter.Value);
    }

    [Fact]
    public void Constructor_OutsideRegistry_WorksAndCanBeRegistered()
    {
        var counter = new Counter("standalone_total", "Standalone.");
        counter.Inc();

        _registry.Register(counter);

        Assert.True(_registry.TryGet("standalone_total", out var found));
        Assert.Same(counter, found);
        Assert.Equal(MetricType.Counter, counter.Type);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void Created_Series_TakesRegistryClock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time });
        var counter = registry.CreateCounter("requests_total", "Requests.", "route");

        var first = counter.WithLabels("a");
        time.Advance(TimeSpan.FromSeconds(7));
        var second = counter.WithLabels("b");

        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), first.Created);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 12, TimeSpan.Zero), second.Created);
    }

    private static void Stripe(CounterSeries series)
    {
        var stripe = typeof(CounterSeries).GetMethod("Stripe", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.NotNull(stripe);
        stripe.Invoke(series, null);
    }

    private static bool IsStriped(CounterSeries series)
    {
        var cells = typeof(CounterSeries).GetField("_cells", BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.NotNull(cells);
        return cells.GetValue(series) is not null;
    }
}
