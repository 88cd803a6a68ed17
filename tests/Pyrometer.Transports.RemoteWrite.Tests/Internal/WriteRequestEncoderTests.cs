using Pyrometer.Transports.RemoteWrite.Internal;
using Pyrometer.Transports.RemoteWrite.Proto;

namespace Pyrometer.Transports.RemoteWrite.Tests.Internal;

public partial class WriteRequestEncoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly long NowMs = Now.ToUnixTimeMilliseconds();

    private static async Task<List<EncodedBatch>> EncodeAsync(WriteRequestEncoder encoder, MetricRegistry registry)
    {
        var batches = new List<EncodedBatch>();
        encoder.Encode(await registry.CollectAsync(), Now, batches);
        return batches;
    }

    private static Dictionary<string, TimeSeries> Decode(List<EncodedBatch> batches) => WriteRequests.ByKey(batches.Select(b => b.Body));

    private static WriteRequestEncoder Encoder(int maxSeries = 1000, params (string Name, string Value)[] external) =>
        new(external.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal), maxSeries);

    [Fact]
    public async Task Encode_CounterAndGauge_OneSampleEachAtTheCollectionTime()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.", "outcome").WithLabels("ok").Add(3);
        registry.CreateGauge("queue_depth", "Depth.").Set(-2.5);
        using var encoder = Encoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        Assert.Equal(3, series["jobs_total{outcome=\"ok\"}"].Value());
        Assert.Equal(-2.5, series["queue_depth{}"].Value());
        Assert.All(series.Values, s => Assert.Equal(NowMs, Assert.Single(s.Samples).Timestamp));
        Assert.Equal(2, series.Count);
    }

    [Fact]
    public async Task Encode_ClassicHistogram_BucketSumAndCountSeriesAsAScrape()
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 1, 2.5e6] });
        histogram.Observe(0.05);
        histogram.Observe(0.5);
        histogram.Observe(3e6);
        using var encoder = Encoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        Assert.Equal(1, series["latency_seconds_bucket{le=\"0.1\"}"].Value());
        Assert.Equal(2, series["latency_seconds_bucket{le=\"1\"}"].Value());
        Assert.Equal(2, series["latency_seconds_bucket{le=\"2.5e+06\"}"].Value());
        Assert.Equal(3, series["latency_seconds_bucket{le=\"+Inf\"}"].Value());
        Assert.Equal(0.05 + 0.5 + 3e6, series["latency_seconds_sum{}"].Value());
        Assert.Equal(3, series["latency_seconds_count{}"].Value());
        Assert.Equal(6, series.Count);
        Assert.DoesNotContain(series.Values, s => s.Histograms.Count > 0);
    }

    [Fact]
    public async Task Encode_NativeHistogram_SentAsNativeWithSpansAndDeltas()
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Native = new NativeHistogramOptions { Schema = 0 } });
        histogram.Observe(1);   // bucket 0: (0.5, 1]
        histogram.Observe(3);   // bucket 2: (2, 4]
        histogram.Observe(3);
        histogram.Observe(-3);  // negative bucket 2
        histogram.Observe(0);   // zero bucket
        var snapshot = new HistogramSnapshot();
        histogram.WithLabels().CopySnapshot(snapshot);
        using var encoder = Encoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        var sent = Assert.Single(series["size_bytes{}"].Histograms);
        Assert.Empty(series["size_bytes{}"].Samples);
        Assert.Single(series);
        Assert.Equal(5UL, sent.CountInt);
        Assert.Equal(4, sent.Sum);
        Assert.Equal(0, sent.Schema);
        Assert.Equal(snapshot.ZeroThreshold, sent.ZeroThreshold);
        Assert.Equal(1UL, sent.ZeroCountInt);
        Assert.Equal(NowMs, sent.Timestamp);
        Assert.Equal(Expand(sent.PositiveSpans, sent.PositiveDeltas), snapshot.PositiveBuckets.ToArray().Select(b => (b.Index, b.Count)));
        Assert.Equal(Expand(sent.NegativeSpans, sent.NegativeDeltas), snapshot.NegativeBuckets.ToArray().Select(b => (b.Index, b.Count)));
    }

    [Fact]
    public async Task Encode_HistogramWithClassicAndNativeBuckets_SendsBoth()
    {
        var registry = new MetricRegistry();
        var histogram = registry.CreateHistogram("both", "Both.", new HistogramOptions { Buckets = [1], Native = new NativeHistogramOptions() });
        histogram.Observe(0.5);
        using var encoder = Encoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        Assert.Equal(1UL, Assert.Single(series["both{}"].Histograms).CountInt);
        Assert.Equal(1, series["both_bucket{le=\"1\"}"].Value());
        Assert.Equal(1, series["both_count{}"].Value());
    }

    [Fact]
    public async Task Encode_Summary_QuantilesSumAndCount()
    {
        var registry = new MetricRegistry();
        var summary = registry.CreateSummary("rtt", "RTT.", new SummaryOptions { Quantiles = [new QuantileTarget(0.5, 0.01), new QuantileTarget(0.99, 0.001)] });
        foreach (var value in Enumerable.Range(1, 100))
        {
            summary.Observe(value);
        }

        var expected = new double[2];
        var count = summary.WithLabels().GetSnapshot(expected, out var sum);
        using var encoder = Encoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        Assert.Equal(expected[0], series["rtt{quantile=\"0.5\"}"].Value());
        Assert.Equal(expected[1], series["rtt{quantile=\"0.99\"}"].Value());
        Assert.Equal(sum, series["rtt_sum{}"].Value());
        Assert.Equal(count, series["rtt_count{}"].Value());
        Assert.Equal(4, series.Count);
    }

    [Fact]
    public async Task Encode_LabelsFromEverySource_SortedByNameWithName()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["zone"] = "eu", ["Region"] = "r1" } });
        registry.CreateCounter("c_total", "C.", new CounterOptions { LabelNames = ["b", "a"], ConstLabels = new Dictionary<string, string> { ["m"] = "x" } })
            .WithLabels("2", "1").Inc();
        using var encoder = Encoder(1000, ("job", "app"), ("instance", "host:1"));

        var sent = Assert.Single(Decode(await EncodeAsync(encoder, registry)).Values);

        var names = sent.Labels.Select(l => l.Name).ToArray();
        Assert.Equal(["Region", "__name__", "a", "b", "instance", "job", "m", "zone"], names);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.Equal("c_total", sent.Labels.Single(l => l.Name == "__name__").Value);
        Assert.Equal("app", sent.Labels.Single(l => l.Name == "job").Value);
    }

    [Fact]
    public async Task Encode_EmptyLabelValue_LeftOut()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("c_total", "C.", "path").WithLabels(string.Empty).Inc();
        using var encoder = Encoder();

        var sent = Assert.Single(Decode(await EncodeAsync(encoder, registry)).Values);

        Assert.Equal(["__name__"], sent.Labels.Select(l => l.Name));
    }

    [Fact]
    public async Task Encode_MetricLabelIsAlsoExternal_RejectedNamingBoth()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("requests_total", "Requests.", "job").WithLabels("x").Inc();
        using var encoder = Encoder(1000, ("job", "app"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EncodeAsync(encoder, registry));

        Assert.Contains("'job'", error.Message, StringComparison.Ordinal);
        Assert.Contains("external label", error.Message, StringComparison.Ordinal);
        Assert.Contains("'requests_total'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Encode_MoreSeriesThanTheLimit_SplitIntoRequestsOfAtMostTheLimit()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "C.", "i");
        for (var i = 0; i < 25; i++)
        {
            counter.WithLabels(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add(i);
        }

        using var encoder = Encoder(maxSeries: 10);

        var batches = await EncodeAsync(encoder, registry);

        Assert.Equal([10, 10, 5], batches.Select(b => b.SeriesCount));
        Assert.Equal([10, 10, 5], batches.Select(b => WriteRequests.Decode(b.Body).Timeseries.Count));
        var series = Decode(batches);
        Assert.Equal(25, series.Count);
        Assert.All(Enumerable.Range(0, 25), i => Assert.Equal(i, series[$"c_total{{i=\"{i}\"}}"].Value()));
    }

    [Fact]
    public async Task Encode_SeriesRemoved_StaleMarkerOnceForEachOfItsSeries()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "C.", "k");
        counter.WithLabels("gone").Inc();
        counter.WithLabels("kept").Inc();
        var histogram = registry.CreateHistogram("h", "H.", new HistogramOptions { Buckets = [1], Native = new NativeHistogramOptions() });
        histogram.Observe(0.5);
        using var encoder = Encoder();
        await EncodeAsync(encoder, registry);

        counter.RemoveLabels("gone");
        registry.Unregister(histogram);
        var second = Decode(await EncodeAsync(encoder, registry));
        var third = Decode(await EncodeAsync(encoder, registry));

        Assert.Equal(WriteRequestEncoder.StaleNaNBits, Bits(second["c_total{k=\"gone\"}"].Value()));
        Assert.Equal(1, second["c_total{k=\"kept\"}"].Value());
        foreach (var name in new[] { "h_bucket{le=\"1\"}", "h_bucket{le=\"+Inf\"}", "h_sum{}", "h_count{}" })
        {
            Assert.Equal(WriteRequestEncoder.StaleNaNBits, Bits(second[name].Value()));
        }

        Assert.Equal(WriteRequestEncoder.StaleNaNBits, Bits(Assert.Single(second["h{}"].Histograms).Sum));
        Assert.Equal(["c_total{k=\"kept\"}"], third.Keys);
    }

    [Fact]
    public async Task Encode_SeriesRemovedAndCreatedAgain_NoStaleMarker()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("c_total", "C.", "k");
        counter.WithLabels("a").Inc();
        using var encoder = Encoder();
        await EncodeAsync(encoder, registry);

        counter.RemoveLabels("a");
        counter.WithLabels("a").Add(5);
        var batches = await EncodeAsync(encoder, registry);

        var sent = Assert.Single(batches.SelectMany(b => WriteRequests.Decode(b.Body).Timeseries));
        Assert.Equal(5, sent.Value());
    }

    [Fact]
    public async Task Encode_RegularNaN_IsNotTheStaleMarker()
    {
        var registry = new MetricRegistry();
        registry.CreateGauge("g", "G.").Set(double.NaN);
        using var encoder = Encoder();

        var sent = Assert.Single(Decode(await EncodeAsync(encoder, registry)).Values).Value();

        Assert.True(double.IsNaN(sent));
        Assert.NotEqual(WriteRequestEncoder.StaleNaNBits, Bits(sent));
    }

    private static ulong Bits(double value) => unchecked((ulong)BitConverter.DoubleToInt64Bits(value));

    private static List<(int Index, long Count)> Expand(IEnumerable<BucketSpan> spans, Google.Protobuf.Collections.RepeatedField<long> deltas)
    {
        var counts = new List<(int, long)>();
        using var delta = deltas.GetEnumerator();
        var index = 0;
        long count = 0;
        foreach (var span in spans)
        {
            index += span.Offset;
            for (var i = 0; i < span.Length; i++)
            {
                delta.MoveNext();
                count += delta.Current;
                if (count != 0)
                {
                    counts.Add((index, count));
                }

                index++;
            }
        }

        return counts;
    }
}
