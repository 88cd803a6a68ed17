using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public class GaugeTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly MetricRegistry _registry;

    public GaugeTests()
    {
        _registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
    }

    [Fact]
    public void Value_NeverUsed_IsZero()
    {
        var gauge = _registry.CreateGauge("temperature_celsius", "Temperature.");

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Set_Value_ReplacesIt()
    {
        var gauge = _registry.CreateGauge("temperature_celsius", "Temperature.");

        gauge.Set(21.5);
        gauge.Set(-3);

        Assert.Equal(-3, gauge.Value);
    }

    [Fact]
    public void IncDec_Unlabelled_MoveByOne()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        gauge.Inc();
        gauge.Inc();
        gauge.Inc();
        gauge.Dec();

        Assert.Equal(2, gauge.Value);
    }

    [Fact]
    public void AddSub_AnyAmounts_MoveByThem()
    {
        var gauge = _registry.CreateGauge("balance", "Balance.");

        gauge.Add(10);
        gauge.Sub(2.5);
        gauge.Add(-1);
        gauge.Sub(-0.5);

        Assert.Equal(7, gauge.Value);
    }

    [Fact]
    public void Operations_OnSeries_AffectOnlyThatSeries()
    {
        var gauge = _registry.CreateGauge("queue_length", "Queue length.", "queue");
        var a = gauge.WithLabels("a");
        var b = gauge.WithLabels("b");

        a.Set(5);
        a.Inc();
        a.Dec();
        a.Dec();
        a.Add(3);
        a.Sub(1);
        b.Set(1);

        Assert.Equal(6, a.Value);
        Assert.Equal(1, b.Value);
    }

    [Fact]
    public void Operations_WithLabelsStyle_AddressDeclaredSeries()
    {
        var gauge = _registry.CreateGauge("queue_length", "Queue length.", "queue");
        var labels = new Labels { ["queue"] = "q1" };

        gauge.Set(labels, 10);
        gauge.Inc(labels);
        gauge.Dec(labels);
        gauge.Dec(labels);
        gauge.Add(labels, 4);
        gauge.Sub(labels, 2);

        Assert.Equal(11, gauge.WithLabels("q1").Value);
    }

    [Fact]
    public void SetToCurrentTime_FakeClock_SetsUnixSeconds()
    {
        var gauge = _registry.CreateGauge("last_success_timestamp_seconds", "Last success.");

        gauge.SetToCurrentTime();
        Assert.Equal(1_700_000_000.123, gauge.Value);

        _time.Advance(TimeSpan.FromMilliseconds(1_500));
        gauge.SetToCurrentTime();
        Assert.Equal(1_700_000_001.623, gauge.Value);
    }

    [Fact]
    public void SetToCurrentTime_Labels_SetsThatSeries()
    {
        var gauge = _registry.CreateGauge("last_run_timestamp_seconds", "Last run.");

        gauge.SetToCurrentTime(new Labels { ["job"] = "backup" });

        Assert.Equal(1_700_000_000.123, gauge.WithLabels(new Dictionary<string, string> { ["job"] = "backup" }).Value);
    }

    [Fact]
    public void SetToCurrentTime_OnSeries_UsesRegistryClock()
    {
        var series = _registry.CreateGauge("last_run_timestamp_seconds", "Last run.", "job").WithLabels("backup");

        _time.Advance(TimeSpan.FromSeconds(10));
        series.SetToCurrentTime();

        Assert.Equal(1_700_000_010.123, series.Value);
    }

    [Fact]
    public void SetToCurrentTime_CollectorClock_OverridesRegistryClock()
    {
        var own = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(42));
        var gauge = _registry.CreateGauge("own_clock_seconds", "Own clock.", new GaugeOptions { TimeProvider = own });

        gauge.SetToCurrentTime();

        Assert.Equal(42, gauge.Value);
    }

    [Fact]
    public void IncDec_ManyThreads_BalanceOut()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        WriterThreads.Run(4, t =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (t % 2 == 0)
                {
                    gauge.Inc();
                }
                else
                {
                    gauge.Dec();
                }
            }
        });

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Add_ManyThreads_TotalIsExact()
    {
        var series = _registry.CreateGauge("total_bytes", "Bytes.", "disk").WithLabels("sda");

        WriterThreads.Run(4, _ =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                series.Add(2);
            }
        });

        Assert.Equal(800_000, series.Value);
    }
}
