using Pyrometer.Exposition;

namespace Pyrometer.Core.Tests.Exposition;

public class EncodingKeyTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void GetEncoding_Series_ComputedOnceThenCached()
    {
        var key = new EncodingKey<string>();
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");
        var calls = 0;

        var first = series.GetEncoding(key, s => { calls++; return string.Join(",", s.LabelValues); });
        var second = series.GetEncoding(key, s => { calls++; return "other"; });

        Assert.Equal("/", first);
        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void GetEncoding_TwoKeys_EachHasItsOwnSlot()
    {
        var text = new EncodingKey<string>();
        var binary = new EncodingKey<byte[]>();
        var series = _registry.CreateGauge("temperature", "Temperature.", "room").WithLabels("kitchen");

        var a = series.GetEncoding(text, _ => "text");
        var b = series.GetEncoding(binary, _ => [1, 2]);

        Assert.Equal("text", series.GetEncoding(text, _ => "again"));
        Assert.Equal([1, 2], series.GetEncoding(binary, _ => [3]));
        Assert.Equal("text", a);
        Assert.Equal([1, 2], b);
    }

    [Fact]
    public void GetEncoding_KeyCreatedAfterFirstUse_SlotArrayGrows()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");
        var early = new EncodingKey<string>();
        series.GetEncoding(early, _ => "early");

        var late = new EncodingKey<string>();

        Assert.Equal("late", series.GetEncoding(late, _ => "late"));
        Assert.Equal("early", series.GetEncoding(early, _ => "recomputed"));
    }

    [Fact]
    public void GetEncoding_SeriesOfOneCollector_CachedSeparately()
    {
        var key = new EncodingKey<string>();
        var counter = _registry.CreateCounter("requests_total", "Requests.", "path");

        Assert.Equal("/a", counter.WithLabels("/a").GetEncoding(key, s => s.LabelValues[0]));
        Assert.Equal("/b", counter.WithLabels("/b").GetEncoding(key, s => s.LabelValues[0]));
    }

    [Fact]
    public void GetEncoding_Collector_ComputedOnceThenCached()
    {
        var key = new EncodingKey<string>();
        var collector = _registry.CreateHistogram("latency_seconds", "Latency.");
        var calls = 0;

        collector.GetEncoding(key, c => { calls++; return c.Name; });
        var cached = collector.GetEncoding(key, c => { calls++; return "other"; });

        Assert.Equal("latency_seconds", cached);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void GetEncoding_RecordedExemplar_CachedOnTheExemplarAcrossRecordings()
    {
        var key = new EncodingKey<string>();
        var exemplar = Exemplar.From("trace_id", "abc");
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");
        var calls = 0;

        series.Inc(exemplar);
        var first = series.Exemplar!.GetEncoding(key, e => { calls++; return e.Labels[0].Value; });
        series.Inc(exemplar);
        var second = series.Exemplar!.GetEncoding(key, e => { calls++; return "other"; });

        Assert.Equal("abc", first);
        Assert.Same(first, second);
        Assert.Same(first, exemplar.GetEncoding(key, _ => "other"));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task GetConstLabelsEncoding_Registry_CachedAcrossScrapes()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["app"] = "shop" } });
        var key = new EncodingKey<string>();
        var calls = 0;

        var first = (await registry.CollectAsync()).GetConstLabelsEncoding(key, labels => { calls++; return labels[0].Key + "=" + labels[0].Value; });
        var second = (await registry.CollectAsync()).GetConstLabelsEncoding(key, _ => { calls++; return "other"; });

        Assert.Equal("app=shop", first);
        Assert.Same(first, second);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void GetConstLabelsEncoding_DefaultCollectedMetrics_EncodesNoLabels()
    {
        var encoded = default(CollectedMetrics).GetConstLabelsEncoding(new EncodingKey<string>(), labels => labels.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("0", encoded);
    }

    [Fact]
    public void GetEncoding_EncodeReturnsNull_ThrowsInvalidOperation()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");

        var error = Assert.Throws<InvalidOperationException>(() => series.GetEncoding(new EncodingKey<string>(), _ => null!));

        Assert.Contains("returned null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetEncoding_NullKey_ThrowsArgumentNull()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");

        var error = Assert.Throws<ArgumentNullException>(() => series.GetEncoding<string>(null!, _ => "x"));

        Assert.Equal("key", error.ParamName);
    }

    [Fact]
    public void GetEncoding_ConcurrentFirstUse_AllCallersGetOneStoredEncoding()
    {
        var keys = Enumerable.Range(0, 8).Select(_ => new EncodingKey<object>()).ToArray();
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");
        var results = new object[keys.Length, 4];

        Parallel.For(0, 4, thread =>
        {
            for (var k = keys.Length - 1; k >= 0; k--)
            {
                results[k, thread] = series.GetEncoding(keys[k], _ => new object());
            }
        });

        for (var k = 0; k < keys.Length; k++)
        {
            var stored = series.GetEncoding(keys[k], _ => new object());
            for (var thread = 0; thread < 4; thread++)
            {
                Assert.Same(stored, results[k, thread]);
            }
        }
    }
}
