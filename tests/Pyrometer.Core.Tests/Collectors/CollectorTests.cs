namespace Pyrometer.Core.Tests;

public partial class CollectorTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void WithLabels_SameValues_ReturnsSameCachedInstance()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var first = counter.WithLabels("GET", "200");
        var second = counter.WithLabels("GET", "200");
        var other = counter.WithLabels("GET", "500");

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_NewSeries_CarriesNamesAndValues()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var series = counter.WithLabels("GET", "200");

        Assert.Equal(["method", "code"], series.LabelNames);
        Assert.Equal(["GET", "200"], series.LabelValues);
        Assert.Equal(["method", "code"], counter.LabelNames);
    }

    [Fact]
    public void WithLabels_ValuesThatLookAlikeWhenJoined_AreDifferentSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "a", "b");

        var first = counter.WithLabels("x,y", "z");
        var second = counter.WithLabels("x", "y,z");

        Assert.NotSame(first, second);
    }

    [Fact]
    public void WithLabels_EmptyValue_IsASeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "a");

        counter.WithLabels(string.Empty).Inc();

        Assert.Equal(1, counter.WithLabels(string.Empty).Value);
    }

    [Fact]
    public void WithLabels_ManySeries_AllFoundAgain()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var created = Enumerable.Range(0, 1_000).Select(i => counter.WithLabels(i.ToString())).ToArray();

        for (var i = 0; i < created.Length; i++)
        {
            Assert.Same(created[i], counter.WithLabels(i.ToString()));
        }

        Assert.Equal(1_000, counter.Series.Count);
    }

    [Fact]
    public void WithLabels_ManyThreadsCreatingSameSeries_OneInstance()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var seen = new CounterSeries[4][];

        WriterThreads.Run(4, t =>
        {
            seen[t] = Enumerable.Range(0, 2_000).Select(i => counter.WithLabels((i % 500).ToString())).ToArray();
        });

        Assert.Equal(500, counter.SeriesCount);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.Same(seen[0][i], seen[1][i]);
            Assert.Same(seen[0][i], seen[2][i]);
            Assert.Same(seen[0][i], seen[3][i]);
        }
    }

    [Fact]
    public void WithLabels_LabelsStyleOnDeclaredCollector_SameSeriesAsPositional()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        counter.Inc(new Labels { ["method"] = "GET", ["code"] = "200" });
        counter.Inc(new Labels { ["code"] = "200", ["method"] = "GET" });
        var byPosition = counter.WithLabels("GET", "200");

        Assert.Same(byPosition, counter.WithLabels(new Labels { ["code"] = "200", ["method"] = "GET" }));
        Assert.Equal(2, byPosition.Value);
        Assert.Equal(1, counter.SeriesCount);
        Assert.Equal(["method", "code"], byPosition.LabelNames);
    }

    [Fact]
    public void WithLabels_UploadsExample_IncrementsPngSeries()
    {
        var uploads = _registry.CreateCounter("uploads_total", "Uploads.", "type");

        uploads.Inc(new Labels { ["type"] = "png" });

        Assert.Equal(1, uploads.WithLabels("png").Value);
    }

    [Fact]
    public void WithLabels_FreeFormAnyOrder_SameSeries()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");

        counter.Inc(new Labels { ["a"] = "1", ["b"] = "2" });
        counter.Inc(new Labels { ["b"] = "2", ["a"] = "1" });

        var series = Assert.Single(counter.Series.ToArray());
        Assert.Equal(2, series.Value);
        Assert.Equal(["a", "b"], series.LabelNames);
        Assert.Equal(["1", "2"], series.LabelValues);
    }

    [Fact]
    public void WithLabels_FreeFormDifferentNamesSameValues_DifferentSeries()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");

        var a = counter.WithLabels(new Labels { ["a"] = "1" });
        var b = counter.WithLabels(new Labels { ["b"] = "1" });
        var ab = counter.WithLabels(new Labels { ["a"] = "1", ["b"] = "1" });

        Assert.NotSame(a, b);
        Assert.NotSame(a, ab);
        Assert.Equal(3, counter.SeriesCount);
        Assert.Same(b, counter.WithLabels(new Labels { ["b"] = "1" }));
    }

    [Fact]
    public void WithLabels_FreeFormEmptySet_IsTheUnlabelledSeries()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");

        counter.Inc();
        counter.Inc(new Labels());

        Assert.Equal(2, counter.Value);
        Assert.Equal(1, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_FreeFormInvalidName_Throws()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");

        Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["bad-name"] = "1" }));
        Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["__reserved"] = "1" }));
        Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["1st"] = "1" }));
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_WrongValueCount_ThrowsNamingMetricAndLabels()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels("GET"));

        Assert.Contains("requests_total", ex.Message);
        Assert.Contains("method", ex.Message);
        Assert.Contains("code", ex.Message);
        Assert.Throws<ArgumentException>(() => counter.WithLabels("GET", "200", "extra"));
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_ValuesOnCollectorWithoutDeclaredLabels_Throws()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels("x"));

        Assert.Contains("events_total", ex.Message);
    }

    [Fact]
    public void WithLabels_LabelsStyleWithWrongNames_ThrowsNamingMetricAndLabels()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var missing = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["method"] = "GET" }));
        var wrong = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["method"] = "GET", ["status"] = "200" }));

        Assert.Contains("requests_total", missing.Message);
        Assert.Contains("method, code", missing.Message);
        Assert.Contains("status", wrong.Message);
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_NullValue_ThrowsArgumentException()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels("GET", null!));

        Assert.Contains("requests_total", ex.Message);
        Assert.Contains("code", ex.Message);
        Assert.Equal(0, counter.SeriesCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("a b")]
    [InlineData("a:b")]
    [InlineData("über")]
    [InlineData("__name")]
    public void Constructor_InvalidDeclaredLabelName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter("requests_total", "Requests.", name));

        Assert.Contains($"'{name}'", ex.Message);
    }

    [Fact]
    public void Constructor_LabelDeclaredTwice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter("requests_total", "Requests.", "a", "a"));

        Assert.Contains("'a'", ex.Message);
    }

    [Fact]
    public void Constructor_NullLabelName_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _registry.CreateCounter("requests_total", "Requests.", "a", null!));
    }

    [Fact]
    public void RemoveLabels_Positional_RemovesSeriesButHandleKeepsWorking()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");
        var kept = counter.WithLabels("/a");
        var removed = counter.WithLabels("/b");
        removed.Inc();

        Assert.True(counter.RemoveLabels("/b"));

        Assert.Equal([kept], counter.Series.ToArray());
        removed.Inc();
        Assert.Equal(2, removed.Value);
        var recreated = counter.WithLabels("/b");
        Assert.NotSame(removed, recreated);
        Assert.Equal(0, recreated.Value);
        Assert.Same(kept, counter.WithLabels("/a"));
    }

    [Fact]
    public void RemoveLabels_LabelsStyleOnDeclaredCollector_RemovesSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");
        var series = counter.WithLabels("GET", "200");

        Assert.True(counter.RemoveLabels(new Labels { ["code"] = "200", ["method"] = "GET" }));

        Assert.Equal(0, counter.SeriesCount);
        series.Inc();
        Assert.Equal(1, series.Value);
    }

    [Fact]
    public void RemoveLabels_FreeForm_RemovesOnlyThatSeries()
    {
        var counter = _registry.CreateCounter("events_total", "Events.");
        counter.Inc(new Labels { ["a"] = "1", ["b"] = "2" });
        counter.Inc(new Labels { ["a"] = "1" });

        Assert.True(counter.RemoveLabels(new Labels { ["b"] = "2", ["a"] = "1" }));

        var left = Assert.Single(counter.Series.ToArray());
        Assert.Equal(["a"], left.LabelNames);
        Assert.False(counter.RemoveLabels(new Labels { ["a"] = "1", ["b"] = "2" }));
    }

    [Fact]
    public void RemoveLabels_Unknown_ReturnsFalse()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");
        counter.WithLabels("/a");

        Assert.False(counter.RemoveLabels("/zzz"));
        Assert.False(counter.RemoveLabels(new Labels { ["route"] = "/zzz" }));
        Assert.Equal(1, counter.SeriesCount);
    }

    [Fact]
    public void RemoveLabels_WrongCount_Throws()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");

        Assert.Throws<ArgumentException>(() => counter.RemoveLabels("a", "b"));
        Assert.Throws<ArgumentException>(() => counter.RemoveLabels(new Labels { ["other"] = "x" }));
    }

    [Fact]
    public async Task RemoveLabels_RemovedSeries_NotCollected()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");
        counter.WithLabels("/a").Inc();
        counter.WithLabels("/b").Inc();
        counter.RemoveLabels("/a");

        var collected = await _registry.CollectAsync();

        var series = ((Counter)collected.Collectors[0]).Series;
        Assert.Equal(1, series.Count);
        Assert.Equal("/b", series.First().LabelValues[0]);
    }

    [Fact]
    public void RemoveLabels_ManySeries_OthersStillFound()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "id");
        var all = Enumerable.Range(0, 100).Select(i => counter.WithLabels(i.ToString())).ToArray();

        for (var i = 0; i < 100; i += 2)
        {
            Assert.True(counter.RemoveLabels(i.ToString()));
        }

        Assert.Equal(50, counter.SeriesCount);
        for (var i = 1; i < 100; i += 2)
        {
            Assert.Same(all[i], counter.WithLabels(i.ToString()));
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (2 * i) + 1), counter.Series.ToArray().Select(s => int.Parse(s.LabelValues[0])));
    }

    [Fact]
    public void Clear_RemovesAllSeriesButHandlesKeepWorking()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");
        var a = counter.WithLabels("/a");
        counter.WithLabels("/b");

        counter.Clear();

        Assert.Equal(0, counter.SeriesCount);
        Assert.Equal(0, counter.Series.Count);
        a.Inc();
        Assert.Equal(1, a.Value);
        Assert.NotSame(a, counter.WithLabels("/a"));
    }

    [Fact]
    public void Clear_Unlabelled_NextUseStartsNewSeries()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        gauge.Set(5);

        gauge.Clear();

        Assert.Equal(0, gauge.SeriesCount);
        Assert.Equal(0, gauge.Value);
        Assert.Equal(1, gauge.SeriesCount);
    }

    [Fact]
    public void Series_DefaultView_EnumeratesNothing()
    {
        var view = default(SeriesView<CounterSeries>);

        Assert.Equal(0, view.Count);
        Assert.Empty(view);
    }

    [Fact]
    public void Series_TakenBeforeMoreSeriesAdded_KeepsItsCount()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");
        counter.WithLabels("/a");
        var before = counter.Series;

        for (var i = 0; i < 20; i++)
        {
            counter.WithLabels(i.ToString());
        }

        Assert.Equal(1, before.Count);
        Assert.Equal("/a", before.First().LabelValues[0]);
        var names = new List<string>();
        foreach (var series in counter.Series)
        {
            names.Add(series.LabelValues[0]);
        }

        Assert.Equal(21, names.Count);
        Assert.Equal("/a", names[0]);
    }

    [Fact]
    public void ConstLabels_Collector_SortedByName()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions
        {
            ConstLabels = new Dictionary<string, string> { ["zone"] = "z1", ["app"] = "shop" },
        });

        Assert.Equal([new("app", "shop"), new KeyValuePair<string, string>("zone", "z1")], counter.ConstLabels);
    }

    [Fact]
    public void ConstLabels_ClashWithDeclaredLabel_Throws()
    {
        var options = new CounterOptions { LabelNames = ["app"], ConstLabels = new Dictionary<string, string> { ["app"] = "shop" } };

        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter("requests_total", "Requests.", options));

        Assert.Contains("'app'", ex.Message);
    }

    [Fact]
    public void ConstLabels_InvalidName_Throws()
    {
        var options = new CounterOptions { ConstLabels = new Dictionary<string, string> { ["__app"] = "shop" } };

        Assert.Throws<ArgumentException>(() => _registry.CreateCounter("requests_total", "Requests.", options));
    }

    [Fact]
    public void ConstLabels_FreeFormLabelWithSameName_Throws()
    {
        var counter = _registry.CreateCounter("events_total", "Events.", new CounterOptions
        {
            ConstLabels = new Dictionary<string, string> { ["app"] = "shop" },
        });

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["app"] = "other" }));

        Assert.Contains("'app'", ex.Message);
    }

    [Fact]
    public void ConstLabels_FreeFormLabelNamedLikeRegistryConstLabel_Throws()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "h1" } });
        var counter = registry.CreateCounter("events_total", "Events.");

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["host"] = "other" }));

        Assert.Contains("'host'", ex.Message);
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void Metadata_Collector_ExposesNameHelpTypeAndEncodedName()
    {
        var histogram = _registry.CreateHistogram("groesse_bytes", "Size of\nthings \\ \"quoted\".");

        Assert.Equal("groesse_bytes", histogram.Name);
        Assert.Equal("Size of\nthings \\ \"quoted\".", histogram.Help);
        Assert.Equal(MetricType.Histogram, histogram.Type);
        Assert.Equal("groesse_bytes"u8.ToArray(), histogram.EncodedName.ToArray());
        Assert.Null(histogram.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1requests")]
    [InlineData("requests-total")]
    [InlineData("requests total")]
    [InlineData("requests.total")]
    [InlineData("anfragen_größe")]
    public void Constructor_InvalidMetricName_ThrowsNamingIt(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateCounter(name, "Requests."));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains($"'{name}'", ex.Message);
        Assert.Empty(_registry.Collectors);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("_private")]
    [InlineData(":recording:rule")]
    [InlineData("job:requests_total:rate5m")]
    [InlineData("A9_z")]
    public void Constructor_ValidMetricName_Accepted(string name)
    {
        var gauge = _registry.CreateGauge(name, "Valid.");

        Assert.Equal(name, gauge.Name);
    }

    [Fact]
    public void Constructor_NullNameOrHelp_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => _registry.CreateGauge(null!, "Help."));
        Assert.Throws<ArgumentNullException>(() => _registry.CreateGauge("g", null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n ")]
    public void Constructor_EmptyOrWhitespaceHelp_Throws(string help)
    {
        var ex = Assert.Throws<ArgumentException>(() => _registry.CreateGauge("queue_length", help));

        Assert.Equal("help", ex.ParamName);
        Assert.Contains("Help", ex.Message);
    }

    [Theory]
    [InlineData(MetricType.Gauge, "request_duration_seconds", "seconds")]
    [InlineData(MetricType.Counter, "sent_bytes_total", "bytes")]
    [InlineData(MetricType.Counter, "sent_bytes", "bytes")]
    [InlineData(MetricType.Histogram, "response_size_bytes", "bytes")]
    [InlineData(MetricType.Summary, "latency_seconds", "seconds")]
    public void Constructor_NameEndsWithUnit_UnitKept(MetricType type, string name, string unit)
    {
        var collector = CreateWithUnit(type, name, unit);

        Assert.Equal(unit, collector.Unit);
    }

    [Theory]
    [InlineData(MetricType.Gauge, "request_duration", "seconds")]
    [InlineData(MetricType.Gauge, "request_durationseconds", "seconds")]
    [InlineData(MetricType.Gauge, "sent_bytes_total", "bytes")]
    [InlineData(MetricType.Counter, "sent_total_bytes", "total")]
    [InlineData(MetricType.Histogram, "response_size", "bytes")]
    [InlineData(MetricType.Gauge, "temperature_deg_c", "deg-c")]
    public void Constructor_NameWithoutUnitSuffix_ThrowsNamingBoth(MetricType type, string name, string unit)
    {
        var ex = Assert.Throws<ArgumentException>(() => CreateWithUnit(type, name, unit));

        Assert.Contains($"'{name}'", ex.Message);
        Assert.Contains($"'{unit}'", ex.Message);
    }

    private Collector CreateWithUnit(MetricType type, string name, string unit) => type switch
    {
        MetricType.Counter => _registry.CreateCounter(name, "Help.", new CounterOptions { Unit = unit }),
        MetricType.Gauge => _registry.CreateGauge(name, "Help.", new GaugeOptions { Unit = unit }),
        MetricType.Histogram => _registry.CreateHistogram(name, "Help.", new HistogramOptions { Unit = unit }),
        _ => _registry.CreateSummary(name, "Help.", new SummaryOptions { Unit = unit }),
    };
}
