namespace Pyrometer.Core.Tests;

public partial class MetricRegistryTests
{
    private static MetricRegistry RegistryWithConstLabel(string name) =>
        new(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { [name] = "reg" } });

    [Fact]
    public void CreateHistogram_RegistryConstLabelLe_ThrowsNamingBoth()
    {
        var registry = RegistryWithConstLabel("le");

        var ex = Assert.Throws<ArgumentException>(() => registry.CreateHistogram("h", "Help."));

        Assert.Contains("Registry const label 'le'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("histogram 'h'", ex.Message, StringComparison.Ordinal);
        Assert.False(registry.TryGet("h", out _));
    }

    [Fact]
    public void CreateSummary_RegistryConstLabelQuantile_ThrowsNamingBoth()
    {
        var registry = RegistryWithConstLabel("quantile");

        var ex = Assert.Throws<ArgumentException>(() => registry.CreateSummary("s", "Help."));

        Assert.Contains("Registry const label 'quantile'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("summary 's'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCounter_RegistryConstLabelLe_Allowed()
    {
        // Only histograms write le and only summaries write quantile: on other types these are ordinary labels.
        var registry = RegistryWithConstLabel("le");

        registry.CreateCounter("c_total", "Help.").Inc();
        registry.CreateGauge("g", "Help.", "quantile").WithLabels("x").Set(1);

        Assert.Equal(2, registry.Collectors.Count);
    }

    [Fact]
    public void Register_RegistryConstLabelDeclaredByCollector_ThrowsNamingBoth()
    {
        var registry = RegistryWithConstLabel("host");

        var ex = Assert.Throws<ArgumentException>(() => registry.CreateCounter("c_total", "Help.", "host"));

        Assert.Contains("Registry const label 'host' clashes with label 'host' of counter 'c_total'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_RegistryConstLabelIsCollectorConstLabel_ThrowsNamingBoth()
    {
        var registry = RegistryWithConstLabel("host");
        var gauge = new Gauge("g", "Help.", new GaugeOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "mine" } });

        var ex = Assert.Throws<ArgumentException>(() => registry.Register(gauge));

        Assert.Contains("const label 'host' of gauge 'g'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(registry.Collectors);
    }

    [Fact]
    public void Register_FreeFormSeriesCreatedBeforeWithRegistryConstLabel_Throws()
    {
        // The series came first, the registry second: the clash is still found.
        var registry = RegistryWithConstLabel("host");
        var counter = new Counter("c_total", "Help.");
        counter.Inc(new Labels { ["host"] = "a" });

        var ex = Assert.Throws<ArgumentException>(() => registry.Register(counter));

        Assert.Contains("label 'host' of counter 'c_total'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inc_FreeFormSeriesWithRegistryConstLabelAfterRegistration_Throws()
    {
        var registry = RegistryWithConstLabel("host");
        var counter = registry.CreateCounter("c_total", "Help.");

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["host"] = "a" }));

        Assert.Contains("'host'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("labels", ex.ParamName);
    }

    [Theory]
    [InlineData("histogram", "coll", "coll_count")]
    [InlineData("histogram", "coll", "coll_sum")]
    [InlineData("histogram", "coll", "coll_bucket")]
    [InlineData("histogram", "coll", "coll_created")]
    [InlineData("summary", "sc", "sc_sum")]
    [InlineData("summary", "sc", "sc_count")]
    [InlineData("counter", "om_total", "om")]
    [InlineData("counter", "cr_total", "cr_created")]
    public void Register_GaugeNamedLikeAnotherMetricsSample_ThrowsNamingBoth(string type, string first, string gauge)
    {
        _ = type switch
        {
            "histogram" => (Collector)_registry.CreateHistogram(first, "Help."),
            "summary" => _registry.CreateSummary(first, "Help."),
            _ => _registry.CreateCounter(first, "Help."),
        };

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateGauge(gauge, "Help."));

        Assert.Contains($"gauge '{gauge}' would write '{gauge}', which {type} '{first}' already writes", ex.Message, StringComparison.Ordinal);
        Assert.False(_registry.TryGet(gauge, out _));
    }

    [Theory]
    [InlineData("coll_count", "coll")]
    [InlineData("om", "om_total")]
    [InlineData("cr_created", "cr_total")]
    public void Register_MetricWhoseSamplesAnEarlierGaugeHas_ThrowsWhicheverComesFirst(string gauge, string second)
    {
        _registry.CreateGauge(gauge, "Help.");

        var ex = Assert.Throws<InvalidOperationException>(() =>
            _ = second.EndsWith("_total", StringComparison.Ordinal) ? (Collector)_registry.CreateCounter(second, "Help.") : _registry.CreateHistogram(second, "Help."));

        Assert.Contains($"'{second}' would write '{gauge}', which gauge '{gauge}' already writes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_CounterWithoutTotalAndGaugeSharingItsStem_Allowed()
    {
        // A counter without _total is written under its own name only, so no other name is taken.
        _registry.CreateCounter("jobs", "Help.");
        _registry.CreateGauge("jobs_created", "Help.");
        _registry.CreateGauge("jobs_total_x", "Help.");

        Assert.Equal(3, _registry.Collectors.Count);
    }

    [Fact]
    public void Unregister_MetricWithSuffixedSamples_FreesItsNames()
    {
        var histogram = _registry.CreateHistogram("coll", "Help.");

        Assert.True(_registry.Unregister(histogram));
        var gauge = _registry.CreateGauge("coll_count", "Help.");

        Assert.Same(gauge, _registry.Collectors.Single());
    }

    [Fact]
    public void Register_SameCollectorTwice_NoClashWithItself()
    {
        var histogram = new Histogram("coll", "Help.");

        _registry.Register(histogram);
        _registry.Register(histogram);

        Assert.Same(histogram, _registry.CreateHistogram("coll", "Help."));
    }
}
