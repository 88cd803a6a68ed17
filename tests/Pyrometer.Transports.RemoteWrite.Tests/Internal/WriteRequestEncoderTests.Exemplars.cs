using Microsoft.Extensions.Time.Testing;
using Pyrometer.Transports.RemoteWrite.Internal;
using Pyrometer.Transports.RemoteWrite.Proto;

namespace Pyrometer.Transports.RemoteWrite.Tests.Internal;

public partial class WriteRequestEncoderTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 12, 1, 11, 59, 58, 456, TimeSpan.Zero);

    private static (MetricRegistry Registry, FakeTimeProvider Time) ExemplarRegistry()
    {
        var time = new FakeTimeProvider(Recorded);
        return (new MetricRegistry(new MetricRegistryOptions { TimeProvider = time }), time);
    }

    private static WriteRequestEncoder ExemplarEncoder(int maxSeries = 1000) => new([new("job", "app")], maxSeries, sendExemplars: true);

    private static List<TimeSeries> Entries(List<EncodedBatch> batches) => [.. batches.SelectMany(b => WriteRequests.Decode(b.Body).Timeseries)];

    private static void AssertExemplar(Proto.Exemplar sent, double value, DateTimeOffset timestamp, params (string Name, string Value)[] labels)
    {
        Assert.Equal(labels, sent.Labels.Select(l => (l.Name, l.Value)));
        Assert.Equal(value, sent.Value);
        Assert.Equal(timestamp.ToUnixTimeMilliseconds(), sent.Timestamp);
    }

    [Fact]
    public async Task Encode_ExemplarsOff_NoneSent()
    {
        var (registry, _) = ExemplarRegistry();
        registry.CreateCounter("c_total", "C.").Inc(Pyrometer.Exemplar.From("trace_id", "t1"));
        registry.CreateHistogram("h", "H.", new HistogramOptions { Buckets = [1] }).Observe(0.5, Pyrometer.Exemplar.From("trace_id", "t2"));
        registry.CreateHistogram("n", "N.", new HistogramOptions { Native = new NativeHistogramOptions() }).Observe(3, Pyrometer.Exemplar.From("trace_id", "t3"));
        using var encoder = Encoder();

        var entries = Entries(await EncodeAsync(encoder, registry));

        Assert.Equal(6, entries.Count);
        Assert.All(entries, s => Assert.Empty(s.Exemplars));
    }

    [Fact]
    public async Task Encode_CounterExemplar_OnTheCounterSeriesWithItsLabelsSortedValueAndTimestamp()
    {
        var (registry, _) = ExemplarRegistry();
        registry.CreateCounter("c_total", "C.", "k").WithLabels("a").Add(2.5, Pyrometer.Exemplar.From(("trace_id", "abc"), ("span_id", "def"), ("empty", string.Empty)));
        using var encoder = ExemplarEncoder();

        var sent = Assert.Single(Entries(await EncodeAsync(encoder, registry)));

        Assert.Equal("c_total{job=\"app\",k=\"a\"}", WriteRequests.Key(sent));
        Assert.Equal(2.5, sent.Value());
        AssertExemplar(Assert.Single(sent.Exemplars), 2.5, Recorded, ("span_id", "def"), ("trace_id", "abc"));
    }

    [Fact]
    public async Task Encode_ClassicHistogramExemplars_OnTheMatchingBucketSeries()
    {
        var (registry, time) = ExemplarRegistry();
        var histogram = registry.CreateHistogram("latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 1] });
        histogram.Observe(0.05, Pyrometer.Exemplar.From("trace_id", "fast"));
        time.Advance(TimeSpan.FromMilliseconds(7));
        histogram.Observe(5, Pyrometer.Exemplar.From("trace_id", "slow"));
        using var encoder = ExemplarEncoder();

        var series = Decode(await EncodeAsync(encoder, registry));

        AssertExemplar(Assert.Single(series["latency_seconds_bucket{job=\"app\",le=\"0.1\"}"].Exemplars), 0.05, Recorded, ("trace_id", "fast"));
        AssertExemplar(Assert.Single(series["latency_seconds_bucket{job=\"app\",le=\"+Inf\"}"].Exemplars), 5, Recorded.AddMilliseconds(7), ("trace_id", "slow"));
        Assert.Empty(series["latency_seconds_bucket{job=\"app\",le=\"1\"}"].Exemplars);
        Assert.Empty(series["latency_seconds_sum{job=\"app\"}"].Exemplars);
        Assert.Empty(series["latency_seconds_count{job=\"app\"}"].Exemplars);
    }

    [Fact]
    public async Task Encode_NativeHistogramExemplar_InAnEntryOfItsOwnRightAfterTheHistogram()
    {
        var (registry, _) = ExemplarRegistry();
        registry.CreateHistogram("size_bytes", "Size.", new HistogramOptions { Native = new NativeHistogramOptions() }).Observe(300, Pyrometer.Exemplar.From("trace_id", "big"));
        using var encoder = ExemplarEncoder();

        var entries = Entries(await EncodeAsync(encoder, registry));

        Assert.Equal(2, entries.Count);
        Assert.Equal(1UL, Assert.Single(entries[0].Histograms).CountInt);
        Assert.Empty(entries[0].Exemplars);
        Assert.Equal(entries[0].Labels, entries[1].Labels);
        Assert.Empty(entries[1].Samples);
        Assert.Empty(entries[1].Histograms);
        AssertExemplar(Assert.Single(entries[1].Exemplars), 300, Recorded, ("trace_id", "big"));
    }

    [Fact]
    public async Task Encode_HistogramWithBothKinds_BucketExemplarsOnTheirBucketsAndOnTheNativeSeriesOldestFirst()
    {
        var (registry, time) = ExemplarRegistry();
        var histogram = registry.CreateHistogram("both", "Both.", new HistogramOptions { Buckets = [1], Native = new NativeHistogramOptions() });
        histogram.Observe(5, Pyrometer.Exemplar.From("trace_id", "first"));
        time.Advance(TimeSpan.FromSeconds(1));
        histogram.Observe(0.5, Pyrometer.Exemplar.From("trace_id", "second"));
        using var encoder = ExemplarEncoder();

        var entries = Entries(await EncodeAsync(encoder, registry));

        var series = entries.Where(e => e.Samples.Count == 1).ToDictionary(WriteRequests.Key);
        AssertExemplar(Assert.Single(series["both_bucket{job=\"app\",le=\"1\"}"].Exemplars), 0.5, Recorded.AddSeconds(1), ("trace_id", "second"));
        AssertExemplar(Assert.Single(series["both_bucket{job=\"app\",le=\"+Inf\"}"].Exemplars), 5, Recorded, ("trace_id", "first"));
        var nativeAt = entries.FindIndex(e => e.Histograms.Count == 1);
        var exemplars = entries[nativeAt + 1];
        Assert.Equal(entries[nativeAt].Labels, exemplars.Labels);
        Assert.Equal(["first", "second"], exemplars.Exemplars.Select(e => e.Labels.Single().Value));
        Assert.Equal([5, 0.5], exemplars.Exemplars.Select(e => e.Value));
    }

    [Fact]
    public async Task Encode_ExemplarUnchanged_NotSentAgainUntilANewOneIsRecorded()
    {
        var (registry, time) = ExemplarRegistry();
        var trace = Pyrometer.Exemplar.From("trace_id", "t1");
        var counter = registry.CreateCounter("c_total", "C.");
        var native = registry.CreateHistogram("n", "N.", new HistogramOptions { Native = new NativeHistogramOptions() });
        counter.Inc(trace);
        native.Observe(1, trace);
        using var encoder = ExemplarEncoder();
        var first = Entries(await EncodeAsync(encoder, registry));

        counter.Inc();
        native.Observe(2);
        var second = Entries(await EncodeAsync(encoder, registry));
        time.Advance(TimeSpan.FromSeconds(1));
        counter.Inc(trace);
        var third = Entries(await EncodeAsync(encoder, registry));

        Assert.Equal(2, first.Sum(e => e.Exemplars.Count));
        Assert.Equal(2, second.Count);
        Assert.All(second, e => Assert.Empty(e.Exemplars));
        Assert.Equal(2, third.Count);
        var resent = Assert.Single(third.SelectMany(e => e.Exemplars));
        AssertExemplar(resent, 1, Recorded.AddSeconds(1), ("trace_id", "t1"));
        Assert.Equal(3, third.Single(e => e.Exemplars.Count == 1).Value());
    }

    [Fact]
    public async Task Encode_FailedEncoding_ItsExemplarsAreSentByTheNextOne()
    {
        var (registry, _) = ExemplarRegistry();
        registry.CreateCounter("c_total", "C.").Inc(Pyrometer.Exemplar.From("trace_id", "t1"));
        var clash = registry.CreateCounter("clash_total", "Has the external label.", "job");
        clash.WithLabels("x").Inc();
        using var encoder = ExemplarEncoder();
        await Assert.ThrowsAsync<InvalidOperationException>(() => EncodeAsync(encoder, registry));

        registry.Unregister(clash);
        var sent = Assert.Single(Entries(await EncodeAsync(encoder, registry)));

        AssertExemplar(Assert.Single(sent.Exemplars), 1, Recorded, ("trace_id", "t1"));
    }

    [Fact]
    public async Task Encode_NativeExemplarEntries_CountTowardsTheSeriesLimit()
    {
        var (registry, _) = ExemplarRegistry();
        var native = registry.CreateHistogram("n", "N.", new HistogramOptions { LabelNames = ["k"], Native = new NativeHistogramOptions() });
        for (var i = 0; i < 3; i++)
        {
            native.WithLabels(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Observe(i, Pyrometer.Exemplar.From("trace_id", "t" + i));
        }

        using var encoder = ExemplarEncoder(maxSeries: 4);

        var batches = await EncodeAsync(encoder, registry);

        Assert.Equal([4, 2], batches.Select(b => b.SeriesCount));
        Assert.Equal([4, 2], batches.Select(b => WriteRequests.Decode(b.Body).Timeseries.Count));
        var entries = Entries(batches);
        Assert.Equal(3, entries.Count(e => e.Histograms.Count == 1));
        Assert.Equal(["t0", "t1", "t2"], entries.SelectMany(e => e.Exemplars).Select(e => e.Labels.Single().Value));
    }
}
