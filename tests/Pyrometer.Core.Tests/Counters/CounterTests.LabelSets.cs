namespace Pyrometer.Core.Tests;

// aioprometheus' examples pass labels as dicts; these are the same calls written in C#.
public partial class CounterTests
{
    [Fact]
    public void Inc_Dictionary_AddressesTheLabelledSeries()
    {
        var counter = new Counter("events_total", "Events.");

        counter.Inc(new Dictionary<string, string> { ["kind"] = "timer_expiry" });
        counter.Add(new Dictionary<string, string> { ["kind"] = "timer_expiry" }, 2);

        Assert.Equal(3, counter.WithLabels(new Labels { ["kind"] = "timer_expiry" }).Value);
    }

    [Fact]
    public void Inc_TargetTypedNew_MeansLabelsNotExemplar()
    {
        var counter = new Counter("events_total", "Events.");

        counter.Inc(new() { ["kind"] = "x" });
        counter.Add(new() { ["kind"] = "x" }, 2);

        var series = Assert.Single(counter.Series);
        Assert.Equal(["kind"], series.LabelNames);
        Assert.Equal(3, series.Value);
        Assert.Null(series.Exemplar);
    }

    [Fact]
    public void Inc_Exemplar_StillRecordsOnTheUnlabelledSeries()
    {
        var counter = new Counter("events_total", "Events.");

        counter.Inc(Exemplar.From("trace_id", "abc"));

        Assert.Equal(1, counter.Value);
        Assert.Equal("abc", counter.Series.First().Exemplar!.Labels[0].Value);
    }

    [Fact]
    public void Constructor_ConstLabelsAsLabels_Accepted()
    {
        var counter = new Counter("events_total", "Events.", new CounterOptions { ConstLabels = new Labels { ["host"] = "h1" } });
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Labels { ["app"] = "a" } });

        registry.Register(counter);

        Assert.Equal([new KeyValuePair<string, string>("host", "h1")], counter.ConstLabels);
        Assert.Equal([new KeyValuePair<string, string>("app", "a")], registry.ConstLabels);
    }

    [Fact]
    public async Task CountExceptionsAsync_OnLabelledSeries_CountsIntoThatSeries()
    {
        // aioprometheus: @count_exceptions(REQUESTS, {'route': '/'})
        var requests = new Counter("request_handler_exceptions_total", "Exceptions.");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            requests.WithLabels(new Labels { ["route"] = "/" }).CountExceptionsAsync(() => throw new InvalidOperationException()));

        Assert.Equal(1, requests.WithLabels(new Dictionary<string, string> { ["route"] = "/" }).Value);
    }

    [Fact]
    public void Inc_DeclaredLabelsWrongNames_ParamNameIsLabels()
    {
        var counter = new Counter("events_total", "Events.", new CounterOptions { LabelNames = ["kind"] });

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["sort"] = "x" }));

        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void Inc_FreeFormInvalidLabelName_ParamNameIsLabels()
    {
        var counter = new Counter("events_total", "Events.");

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["bad-name"] = "x" }));

        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("'bad-name' is not a valid label name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithLabels_NullValue_ParamNameIsLabelValues()
    {
        var counter = new Counter("events_total", "Events.", new CounterOptions { LabelNames = ["kind"] });

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels([null!]));

        Assert.Equal("labelValues", ex.ParamName);
        Assert.Contains("Label 'kind' of metric 'events_total' has a null value", ex.Message, StringComparison.Ordinal);
    }
}
