namespace Pyrometer.Core.Tests;

public partial class MetricRegistryTests
{
    [Fact]
    public void CreateCounter_IdenticalDefinition_ReturnsSameInstance()
    {
        var first = _registry.CreateCounter("requests_total", "Requests.", "method");
        var second = _registry.CreateCounter("requests_total", "Requests.", "method");
        var third = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions { LabelNames = ["method"] });

        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Single(_registry.Collectors);
    }

    [Fact]
    public void CreateGauge_IdenticalDefinition_ReturnsSameInstance()
    {
        Assert.Same(_registry.CreateGauge("temperature", "Temperature."), _registry.CreateGauge("temperature", "Temperature."));
    }

    [Fact]
    public void CreateHistogram_IdenticalBuckets_ReturnsSameInstance()
    {
        var first = _registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Buckets = [1, 2, 4] });
        var second = _registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Buckets = [1, 2, 4, double.PositiveInfinity] });

        Assert.Same(first, second);
        Assert.Same(_registry.CreateHistogram("latency_seconds", "Latency."), _registry.CreateHistogram("latency_seconds", "Latency."));
    }

    [Fact]
    public void CreateSummary_IdenticalQuantiles_ReturnsSameInstance()
    {
        var first = _registry.CreateSummary("latency_seconds", "Latency.");
        var second = _registry.CreateSummary("latency_seconds", "Latency.", new SummaryOptions { Quantiles = QuantileTarget.Defaults.Reverse().ToArray() });

        Assert.Same(first, second);
    }

    [Fact]
    public void CreateX_DifferentType_ThrowsNamingTypes()
    {
        _registry.CreateCounter("things", "Things.");

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateGauge("things", "Things."));

        Assert.Contains("'things'", ex.Message);
        Assert.Contains("Gauge", ex.Message);
        Assert.Contains("Counter", ex.Message);
    }

    [Fact]
    public void CreateCounter_DifferentHelp_ThrowsNamingHelp()
    {
        _registry.CreateCounter("requests_total", "Requests.");

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Other requests."));

        Assert.Contains("help", ex.Message);
        Assert.Contains("Other requests.", ex.Message);
    }

    [Fact]
    public void CreateCounter_DifferentLifecycleOptions_ThrowsNamingOption()
    {
        _registry.CreateCounter("requests_total", "Requests.", new CounterOptions { CardinalityLimit = 10 });

        var limit = Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Requests.", new CounterOptions { CardinalityLimit = 20 }));
        var expiry = Assert.Throws<InvalidOperationException>(() =>
            _registry.CreateCounter("requests_total", "Requests.", new CounterOptions { CardinalityLimit = 10, SeriesExpiry = TimeSpan.FromMinutes(5) }));

        Assert.Contains("CardinalityLimit 20 differs from the registered 10", limit.Message);
        Assert.Contains("SeriesExpiry 00:05:00 differs from the registered none", expiry.Message);
        Assert.NotNull(_registry.CreateCounter("requests_total", "Requests.", new CounterOptions { CardinalityLimit = 10 }));
    }

    [Fact]
    public void CreateCounter_DifferentLabelNames_ThrowsNamingLabels()
    {
        _registry.CreateCounter("requests_total", "Requests.", "method");

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Requests.", "method", "code"));

        Assert.Contains("label names", ex.Message);
        Assert.Contains("method, code", ex.Message);
        Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Requests."));
        Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Requests.", "code"));
    }

    [Fact]
    public void CreateHistogram_DifferentBuckets_ThrowsNamingBuckets()
    {
        _registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Buckets = [1, 2, 4] });

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Buckets = [1, 2, 8] }));

        Assert.Contains("buckets", ex.Message);
        Assert.Throws<InvalidOperationException>(() => _registry.CreateHistogram("size_bytes", "Size."));
    }

    [Fact]
    public void CreateSummary_DifferentQuantiles_ThrowsNamingQuantiles()
    {
        _registry.CreateSummary("latency_seconds", "Latency.");

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateSummary("latency_seconds", "Latency.", new SummaryOptions { Quantiles = [new(0.5, 0.05)] }));
        var error = Assert.Throws<InvalidOperationException>(() => _registry.CreateSummary("latency_seconds", "Latency.", new SummaryOptions
        {
            Quantiles = [new(0.5, 0.01), new(0.9, 0.01), new(0.99, 0.001)],
        }));

        Assert.Contains("quantiles", ex.Message);
        Assert.Contains("quantiles", error.Message);
    }

    [Fact]
    public void CreateSummary_DifferentWindow_ThrowsNamingWindow()
    {
        _registry.CreateSummary("latency_seconds", "Latency.");

        var ex = Assert.Throws<InvalidOperationException>(() => _registry.CreateSummary("latency_seconds", "Latency.", new SummaryOptions { MaxAge = TimeSpan.FromMinutes(1) }));

        Assert.Contains("window", ex.Message);
        Assert.Throws<InvalidOperationException>(() => _registry.CreateSummary("latency_seconds", "Latency.", new SummaryOptions { AgeBuckets = 2 }));
    }

    [Fact]
    public void CreateGauge_DifferentConstLabelsOrUnit_Throws()
    {
        _registry.CreateGauge("queue_bytes", "Queue.", new GaugeOptions { Unit = "bytes", ConstLabels = new Dictionary<string, string> { ["q"] = "1" } });

        var constLabels = Assert.Throws<InvalidOperationException>(() => _registry.CreateGauge("queue_bytes", "Queue.", new GaugeOptions
        {
            Unit = "bytes",
            ConstLabels = new Dictionary<string, string> { ["q"] = "2" },
        }));
        var unit = Assert.Throws<InvalidOperationException>(() => _registry.CreateGauge("queue_bytes", "Queue.", new GaugeOptions
        {
            ConstLabels = new Dictionary<string, string> { ["q"] = "1" },
        }));

        Assert.Contains("const labels", constLabels.Message);
        Assert.Contains("unit", unit.Message);
    }

    [Fact]
    public void CreateCounter_ConflictingDefinition_KeepsRegisteredOne()
    {
        var original = _registry.CreateCounter("requests_total", "Requests.");
        original.Inc();

        Assert.Throws<InvalidOperationException>(() => _registry.CreateCounter("requests_total", "Different."));

        Assert.True(_registry.TryGet("requests_total", out var found));
        Assert.Same(original, found);
        Assert.Equal(1, original.Value);
    }

    [Fact]
    public void CreateCounter_NullOptions_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _registry.CreateCounter("requests_total", "Requests.", (CounterOptions)null!));
    }

    [Fact]
    public void CreateCounter_ManyThreadsSameDefinition_OneInstance()
    {
        var seen = new Counter[4];

        WriterThreads.Run(4, t => seen[t] = _registry.CreateCounter("requests_total", "Requests.", "route"));

        Assert.All(seen, c => Assert.Same(seen[0], c));
        Assert.Single(_registry.Collectors);
    }
}
