namespace Pyrometer.Core.Tests;

public class MetricSeriesTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void LabelNamesAndValues_Unlabelled_Empty()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        gauge.Set(1);

        Assert.Empty(gauge.Series.First().LabelNames);
        Assert.Empty(gauge.Series.First().LabelValues);
    }

    [Fact]
    public void Collector_Series_IsItsCollector()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "path");

        Assert.Same(counter, counter.WithLabels("/").Collector);
    }
}
