using Pyrometer.Formats.Protobuf.Internal;
using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Protobuf.Tests.Internal;

public partial class DelimitedProtobufFormatTests
{
    public static TheoryData<string> SampleNames => ["everything", "edge-cases", "exemplars", "large"];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Write_SampleRegistry_DecodesToWhatTheRegistryHolds(string sample)
    {
        var registry = Sample(sample);

        var families = await Decoded.FamiliesAsync(registry);

        RegistryAssert.Matches(registry, families);
    }

    [Fact]
    public async Task Write_Counter_NameWithTotalTypeCounterValueAndCreated()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var requests = families.Family("http_requests_total");
        Assert.Equal(Schema.MetricType.Counter, requests.Type);
        Assert.Equal("Requests handled, by \"method\" and path.\nPaths like C:\\temp count too.", requests.Help);
        var first = requests.Metric[0];
        Assert.Equal(3, first.Counter.Value);
        Assert.Equal(SampleRegistries.Start, first.Counter.CreatedTimestamp.ToDateTimeOffset());
        Assert.Null(first.Counter.Exemplar);
    }

    [Fact]
    public async Task Write_LabelShapes_RegistryThenCollectorConstLabelsThenSeriesLabels()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var metric = families.Family("http_requests_total").Metric[1];
        Assert.Equal(
            [new("instance", "web-01"), new("site", "Zürich"), new("handler", "api"), new("method", "POST"), new KeyValuePair<string, string>("path", "/ünïcödé/日本")],
            metric.Pairs());
    }

    [Fact]
    public async Task Write_EscapingWorthyLabelValue_WrittenRawNotEscaped()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var metric = families.Family("http_requests_total").Metric[2];
        Assert.Equal("C:\\temp \"quoted\"\nnext line", metric.Label.Single(l => l.Name == "path").Value);
        Assert.Equal(1e6, metric.Counter.Value);
    }

    [Fact]
    public async Task Write_FreeFormLabels_SortedByName()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.EdgeCases());

        Assert.Equal([new("app", "a"), new KeyValuePair<string, string>("zone", "b")], families.Family("events_total").Metric[0].Pairs());
    }

    [Fact]
    public async Task Write_NoLabels_MetricHasNoLabelPairs()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.EdgeCases());

        var legacy = families.Family("legacy_requests");
        Assert.Empty(legacy.Metric[0].Label);
        Assert.Equal(2, legacy.Metric[0].Counter.Value);
    }

    [Fact]
    public async Task Write_SpecialGaugeValues_KeptBitForBit()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var values = families.Family("sensor_temperature_celsius").Metric.ToDictionary(m => m.Label.Single(l => l.Name == "sensor").Value, m => m.Gauge.Value);
        Assert.True(double.IsNaN(values["broken"]));
        Assert.Equal(double.PositiveInfinity, values["sun"]);
        Assert.Equal(double.NegativeInfinity, values["space"]);
        Assert.Equal(double.MaxValue, values["max"]);
        Assert.Equal(-3.25, values["outside"]);
        Assert.Equal("celsius", families.Family("sensor_temperature_celsius").Unit);
    }

    [Fact]
    public async Task Write_Histogram_CumulativeBucketsWithInfCountAndSum()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var home = families.Family("request_duration_seconds").Metric[0].Histogram;
        Assert.Equal(4UL, home.SampleCount);
        Assert.Equal(0.005 + 0.3 + 0.3 + 12, home.SampleSum);
        Assert.Equal(double.PositiveInfinity, home.Bucket[^1].UpperBound);
        Assert.Equal(4UL, home.Bucket[^1].CumulativeCount);
        Assert.Equal(1UL, home.Bucket.Single(b => b.UpperBound == 0.005).CumulativeCount);
        Assert.Equal(3UL, home.Bucket.Single(b => b.UpperBound == 0.5).CumulativeCount);
    }

    [Fact]
    public async Task Write_Exemplars_OnCountersAndBucketsWithLabelsValueAndTimestamp()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Exemplars());

        var get = families.Family("http_requests_total").Metric[0].Counter.Exemplar;
        Assert.Equal([new("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"), new("span_id", "00f067aa0ba902b7")], get.Label.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)));
        Assert.Equal(2, get.Value);
        Assert.Equal(SampleRegistries.Start.AddMilliseconds(250), get.Timestamp.ToDateTimeOffset());
        var escaped = families.Family("files_total").Metric[0].Counter.Exemplar;
        Assert.Equal("C:\\tmp \"quoted\"\nZürich 日本", escaped.Label[0].Value);
        var negative = families.Family("temperature_change_celsius").Metric[0].Histogram.Bucket[0].Exemplar;
        Assert.Equal(-12.5, negative.Value);
        Assert.Equal("north", negative.Label[0].Value);
    }

    [Fact]
    public async Task Write_ExemplarWithoutLabels_HasValueAndNoLabels()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Exemplars());

        var exemplar = families.Family("jobs_total").Metric[0].Counter.Exemplar;
        Assert.Empty(exemplar.Label);
        Assert.Equal(1, exemplar.Value);
    }

    [Fact]
    public async Task Write_Summary_QuantilesCountSumAndCreated()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        var database = families.Family("rpc_latency_seconds").Metric[0].Summary;
        Assert.Equal(100UL, database.SampleCount);
        Assert.Equal([0.5, 0.9, 0.99], database.Quantile.Select(q => q.Quantile_));
        Assert.InRange(database.Quantile[0].Value, 0.45, 0.55);
        var cache = families.Family("rpc_latency_seconds").Metric[1].Summary;
        Assert.Equal(0UL, cache.SampleCount);
        Assert.All(cache.Quantile, q => Assert.True(double.IsNaN(q.Value)));
    }

    [Fact]
    public async Task Write_CollectorWithoutSeries_LeftOut()
    {
        var families = await Decoded.FamiliesAsync(SampleRegistries.Everything());

        Assert.DoesNotContain(families, f => f.Name == "jobs_pending");
    }

    [Fact]
    public async Task Write_EmptyRegistry_WritesNothing()
    {
        Assert.Empty(await Decoded.BytesAsync(new MetricRegistry()));
    }

    [Fact]
    public async Task Write_ValuesChangeBetweenScrapes_LabelsCachedValuesFresh()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "c", "k");
        var series = counter.WithLabels("ü");
        series.Inc();
        var first = await Decoded.FamiliesAsync(registry);

        series.Add(2);
        counter.WithLabels("b").Add(5);
        var second = await Decoded.FamiliesAsync(registry);

        Assert.Equal(1, first.Family("c_total").Metric.Single().Counter.Value);
        Assert.Equal([3.0, 5.0], second.Family("c_total").Metric.Select(m => m.Counter.Value));
        Assert.Equal(["ü", "b"], second.Family("c_total").Metric.Select(m => m.Label[0].Value));
    }

    [Fact]
    public async Task WriteAsync_AnyRegistry_WritesTheSameBytesAsWrite()
    {
        foreach (var registry in new[] { SampleRegistries.Everything(), SampleRegistries.EdgeCases(), SampleRegistries.Exemplars(), SampleRegistries.Large(2_000), new MetricRegistry() })
        {
            Assert.Equal(await Decoded.BytesAsync(registry), await Decoded.StreamedAsync(registry));
        }
    }

    [Fact]
    public async Task WriteAsync_ManyFamilies_StreamsInChunksOfWholeFamilies()
    {
        var registry = new MetricRegistry();
        for (var i = 0; i < 400; i++)
        {
            var counter = registry.CreateCounter($"family_{i:D3}_total", "A family.", "path");
            for (var j = 0; j < 10; j++)
            {
                counter.WithLabels("/some/longer/path/" + j).Inc();
            }
        }

        var stream = new CountingStream();

        await ProtobufFormats.Delimited.WriteAsync(stream, await registry.CollectAsync());

        Assert.True(stream.Writes > 2, $"Only {stream.Writes} writes for {stream.Length} bytes.");
        Assert.Equal(await Decoded.BytesAsync(registry), stream.ToArray());
    }

    [Fact]
    public void Properties_NameMediaTypeAndContentType()
    {
        var format = ProtobufFormats.Delimited;

        Assert.Equal("protobuf", format.Name);
        Assert.Equal("application/vnd.google.protobuf", format.MediaType);
        Assert.Equal("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited", format.ContentType);
        Assert.Same(DelimitedProtobufFormat.Instance, format);
    }

    private static MetricRegistry Sample(string name) => name switch
    {
        "everything" => SampleRegistries.Everything(),
        "edge-cases" => SampleRegistries.EdgeCases(),
        "exemplars" => SampleRegistries.Exemplars(),
        "large" => SampleRegistries.Large(400),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown sample registry."),
    };

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Writes++;
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
