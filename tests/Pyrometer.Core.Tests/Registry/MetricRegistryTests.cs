namespace Pyrometer.Core.Tests;

public partial class MetricRegistryTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Default_Always_SameInstance()
    {
        Assert.NotNull(MetricRegistry.Default);
        Assert.Same(MetricRegistry.Default, MetricRegistry.Default);
        Assert.NotSame(MetricRegistry.Default, _registry);
    }

    [Fact]
    public void TimeProvider_NotGiven_IsSystemClock()
    {
        Assert.Same(TimeProvider.System, _registry.TimeProvider);
    }

    [Fact]
    public void CreateCounter_SameNameInTwoRegistries_Independent()
    {
        var other = new MetricRegistry();

        var mine = _registry.CreateCounter("requests_total", "Requests.");
        var theirs = other.CreateCounter("requests_total", "Requests.");
        mine.Inc();

        Assert.NotSame(mine, theirs);
        Assert.Equal(0, theirs.Value);
        Assert.Single(other.Collectors);
        Assert.True(other.Unregister("requests_total"));
        Assert.True(_registry.TryGet("requests_total", out _));
    }

    [Fact]
    public void Register_Collector_FoundByName()
    {
        var gauge = new Gauge("temperature", "Temperature.");

        _registry.Register(gauge);

        Assert.True(_registry.TryGet("temperature", out var found));
        Assert.Same(gauge, found);
        Assert.False(_registry.TryGet("temperatures", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Collectors_RegisteredInAnyOrder_SortedByName()
    {
        foreach (var name in new[] { "m", "b", "z", "a", "a_b", "B" })
        {
            _registry.CreateGauge(name, "Help.");
        }

        Assert.Equal(["B", "a", "a_b", "b", "m", "z"], _registry.Collectors.Select(c => c.Name));
        foreach (var name in new[] { "m", "b", "z", "a", "a_b", "B" })
        {
            Assert.True(_registry.TryGet(name, out var found));
            Assert.Equal(name, found.Name);
        }
    }

    [Fact]
    public void Register_SameCollectorTwice_NoOp()
    {
        var gauge = new Gauge("temperature", "Temperature.");

        _registry.Register(gauge);
        _registry.Register(gauge);

        Assert.Single(_registry.Collectors);
    }

    [Fact]
    public void Register_DifferentCollectorUnderTakenName_ThrowsNamingIt()
    {
        _registry.Register(new Gauge("temperature", "Temperature."));

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.Register(new Gauge("temperature", "Temperature.")));

        Assert.Contains("'temperature'", ex.Message);
    }

    [Fact]
    public void Register_CollectorOfAnotherRegistry_Throws()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        var other = new MetricRegistry();

        var ex = Assert.Throws<InvalidOperationException>(() => other.Register(gauge));

        Assert.Contains("'temperature'", ex.Message);
        Assert.Empty(other.Collectors);
    }

    [Fact]
    public void Register_AfterUnregisterFromOtherRegistry_Works()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        var other = new MetricRegistry();

        Assert.True(_registry.Unregister(gauge));
        other.Register(gauge);

        Assert.Same(gauge, Assert.Single(other.Collectors));
        Assert.Empty(_registry.Collectors);
    }

    [Fact]
    public void Unregister_ByInstanceAndByName_RemovesAndReports()
    {
        var a = _registry.CreateGauge("a", "A.");
        _registry.CreateGauge("b", "B.");
        _registry.CreateGauge("c", "C.");

        Assert.True(_registry.Unregister(a));
        Assert.False(_registry.Unregister(a));
        Assert.True(_registry.Unregister("c"));
        Assert.False(_registry.Unregister("c"));
        Assert.False(_registry.Unregister("never"));

        Assert.Equal(["b"], _registry.Collectors.Select(c => c.Name));
    }

    [Fact]
    public void Unregister_Collector_KeepsWorkingAndNameCanBeReused()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        _registry.Unregister(counter);

        counter.Inc();
        var replacement = _registry.CreateCounter("requests_total", "Requests.");

        Assert.Equal(1, counter.Value);
        Assert.NotSame(counter, replacement);
        Assert.Equal(0, replacement.Value);
    }

    [Fact]
    public void Unregister_CollectorOfAnotherRegistry_ReturnsFalse()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");

        Assert.False(new MetricRegistry().Unregister(gauge));
        Assert.True(_registry.TryGet("temperature", out _));
    }

    [Fact]
    public void ConstLabels_Registry_SortedAndCollected()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["region"] = "eu-1", ["app"] = "shop" },
        });

        Assert.Equal([new("app", "shop"), new KeyValuePair<string, string>("region", "eu-1")], registry.ConstLabels);
    }

    [Fact]
    public async Task CollectAsync_RegistryConstLabels_ExposedSorted()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["region"] = "eu\n\"1\"", ["app"] = "c:\\shop ✓" },
        });

        var collected = await registry.CollectAsync();

        Assert.Equal([new("app", "c:\\shop ✓"), new KeyValuePair<string, string>("region", "eu\n\"1\"")], collected.ConstLabels);
    }

    [Fact]
    public async Task CollectAsync_NoRegistryConstLabels_Empty()
    {
        var collected = await _registry.CollectAsync();

        Assert.Empty(collected.ConstLabels);
        Assert.Equal(0, collected.Collectors.Length);
    }

    [Fact]
    public void Constructor_InvalidConstLabelName_Throws()
    {
        var options = new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["bad name"] = "x" } };

        var ex = Assert.Throws<ArgumentException>(() => new MetricRegistry(options));

        Assert.Contains("'bad name'", ex.Message);
    }

    [Fact]
    public void Register_DeclaredLabelClashingWithRegistryConstLabel_ThrowsAndDoesNotRegister()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "h1" } });

        var ex = Assert.Throws<ArgumentException>(() => registry.CreateCounter("requests_total", "Requests.", "host"));

        Assert.Contains("'host'", ex.Message);
        Assert.Contains("requests_total", ex.Message);
        Assert.Empty(registry.Collectors);
    }

    [Fact]
    public void Register_CollectorConstLabelClashingWithRegistryConstLabel_Throws()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "h1" } });
        var gauge = new Gauge("temperature", "Temperature.", new GaugeOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "h2" } });

        var ex = Assert.Throws<ArgumentException>(() => registry.Register(gauge));

        Assert.Contains("'host'", ex.Message);
        Assert.Empty(registry.Collectors);
        _registry.Register(gauge);
        Assert.Same(gauge, Assert.Single(_registry.Collectors));
    }
}
