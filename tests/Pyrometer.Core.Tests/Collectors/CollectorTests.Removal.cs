namespace Pyrometer.Core.Tests;

public partial class CollectorTests
{
    [Fact]
    public void RemoveLabels_RemoveReAddRemove_SurvivorsInCreationOrder()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        for (var i = 0; i < 10; i++)
        {
            counter.WithLabels(i.ToString());
        }

        Assert.True(counter.RemoveLabels("3"));
        Assert.True(counter.RemoveLabels("0"));
        Assert.False(counter.RemoveLabels("3"));
        var readded = counter.WithLabels("3");
        Assert.True(counter.RemoveLabels("7"));

        Assert.Equal(["1", "2", "4", "5", "6", "8", "9", "3"], Ids(counter));
        Assert.Equal(8, counter.SeriesCount);
        Assert.Equal(8, counter.Series.Count);
        Assert.Same(readded, counter.WithLabels("3"));
        Assert.True(counter.RemoveLabels("3"));
        Assert.Equal(["1", "2", "4", "5", "6", "8", "9"], Ids(counter));
    }

    [Fact]
    public void RemoveLabels_FreeFormRemoveReAddRemoveAll_SeriesFollow()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");
        var a = counter.WithLabels(new Labels { ["a"] = "1" });
        var ab = counter.WithLabels(new Labels { ["a"] = "1", ["b"] = "2" });
        var b = counter.WithLabels(new Labels { ["b"] = "2" });

        Assert.True(counter.RemoveLabels(new Labels { ["b"] = "2", ["a"] = "1" }));
        var abAgain = counter.WithLabels(new Labels { ["b"] = "2", ["a"] = "1" });

        Assert.NotSame(ab, abAgain);
        Assert.Equal([a, b, abAgain], counter.Series.ToArray());
        Assert.True(counter.RemoveLabels(new Labels { ["a"] = "1" }));
        Assert.True(counter.RemoveLabels(new Labels { ["b"] = "2" }));
        Assert.True(counter.RemoveLabels(new Labels { ["a"] = "1", ["b"] = "2" }));
        Assert.Equal(0, counter.SeriesCount);
        Assert.Empty(counter.Series);
        Assert.Same(counter.WithLabels(new Labels { ["b"] = "2" }), Assert.Single(counter.Series));
    }

    [Fact]
    public void RemoveLabels_AllThenReAdd_NewSeriesExposed()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var old = Enumerable.Range(0, 1_000).Select(i => counter.WithLabels(i.ToString())).ToArray();

        for (var i = 999; i >= 0; i--)
        {
            Assert.True(counter.RemoveLabels(i.ToString()));
            Assert.Equal(i, counter.SeriesCount);
        }

        Assert.Empty(counter.Series);
        var fresh = counter.WithLabels("5");
        Assert.NotSame(old[5], fresh);
        Assert.Same(fresh, Assert.Single(counter.Series));
    }

    [Fact]
    public void RemoveLabels_Unlabelled_NextUseCreatesExposedSeries()
    {
        var counter = _registry.CreateCounter("jobs_total", "Jobs.");
        counter.Inc();

        Assert.True(counter.RemoveLabels());
        Assert.Equal(0, counter.SeriesCount);
        counter.Inc();

        Assert.Equal(1, counter.SeriesCount);
        Assert.Equal(1, Assert.Single(counter.Series).Value);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void RemoveLabels_RandomChurn_MatchesModelInCreationOrder()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var model = new List<(string Id, CounterSeries Series)>();
        var random = new Random(12345);
        var ids = Enumerable.Range(0, 500).Select(i => i.ToString()).ToArray();

        for (var step = 0; step < 20_000; step++)
        {
            var id = ids[random.Next(ids.Length)];
            var at = model.FindIndex(e => e.Id == id);
            if (random.Next(3) == 0 || at < 0)
            {
                var series = counter.WithLabels(id);
                if (at < 0)
                {
                    model.Add((id, series));
                }
                else
                {
                    Assert.Same(model[at].Series, series);
                }
            }
            else
            {
                Assert.True(counter.RemoveLabels(id));
                model.RemoveAt(at);
            }

            Assert.Equal(model.Count, counter.SeriesCount);
            if (step % 1_000 == 0)
            {
                Assert.Equal(model.Select(e => e.Series), counter.Series.ToArray());
                Assert.All(model, e => Assert.Same(e.Series, counter.WithLabels(e.Id)));
            }
        }
    }

    private static string[] Ids(Counter counter) => counter.Series.Select(s => s.LabelValues[0]).ToArray();
}
