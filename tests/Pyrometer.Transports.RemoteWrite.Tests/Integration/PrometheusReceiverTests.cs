using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

[Collection(RemoteWriteReceiverCollection.Name)]
public class PrometheusReceiverTests(RemoteWriteReceiverPrometheusFixture prometheus)
{
    private static RemoteWriteSenderOptions Options(Uri endpoint, MetricRegistry registry, string job) => new()
    {
        Endpoint = endpoint,
        Registry = registry,
        Interval = TimeSpan.FromMilliseconds(500),
        ExternalLabels = { ["job"] = job, ["instance"] = "unit-test:0" },

        // The final values travel in the flush on stop: generous bounds, so a receiver slowed by a loaded machine
        // still gets them (a healthy one answers in milliseconds).
        StopTimeout = TimeSpan.FromSeconds(30),
        Resilience = new HttpResilienceOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200), AttemptTimeout = TimeSpan.FromSeconds(10), CircuitBreakerEnabled = false },
    };

    private async Task<double> ValueAsync(string promql, double expected)
    {
        var samples = await prometheus.WaitForAsync(promql, s => s.Count == 1 && s[0].Value.Equals(expected));
        return samples[0].Value;
    }

    [Fact]
    public async Task Send_EveryType_PromQlReturnsTheRegistrysValuesUnderTheExternalLabels()
    {
        const string Job = "rw_every_type";
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("rw_jobs_total", "Jobs.", "outcome");
        var gauge = registry.CreateGauge("rw_queue_depth", "Depth.");
        var classic = registry.CreateHistogram("rw_latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 1, 10] });
        var native = registry.CreateHistogram("rw_size_bytes", "Size.", new HistogramOptions { Native = new NativeHistogramOptions() });
        var summary = registry.CreateSummary("rw_rtt_seconds", "RTT.", new SummaryOptions { Quantiles = [new QuantileTarget(0.5, 0.01), new QuantileTarget(0.9, 0.01)] });
        await using (var sender = new RemoteWriteSender(Options(prometheus.RemoteWriteEndpoint, registry, Job)))
        {
            await sender.StartAsync();
            for (var i = 1; i <= 20; i++)
            {
                counter.WithLabels(i % 3 == 0 ? "error" : "ok").Inc();
                gauge.Set(i * 1.5);
                classic.Observe(i * 0.25);
                native.Observe(i * 100);
                native.Observe(-i);
                summary.Observe(i / 10.0);
                await Task.Delay(50);
            }

            await sender.StopAsync();
        }

        var selector = $"job=\"{Job}\",instance=\"unit-test:0\"";
        Assert.Equal(14, await ValueAsync($"rw_jobs_total{{{selector},outcome=\"ok\"}}", 14));
        Assert.Equal(6, await ValueAsync($"rw_jobs_total{{{selector},outcome=\"error\"}}", 6));
        Assert.Equal(30, await ValueAsync($"rw_queue_depth{{{selector}}}", 30));
        var snapshot = new HistogramSnapshot();
        classic.WithLabels().CopySnapshot(snapshot);
        string[] bounds = ["0.1", "1", "10", "+Inf"];
        for (var b = 0; b < bounds.Length; b++)
        {
            double expected = snapshot.CumulativeCounts[b];
            Assert.Equal(expected, await ValueAsync($"rw_latency_seconds_bucket{{{selector},le=\"{bounds[b]}\"}}", expected));
        }

        Assert.Equal(snapshot.Sum, await ValueAsync($"rw_latency_seconds_sum{{{selector}}}", snapshot.Sum));
        Assert.Equal(20, await ValueAsync($"rw_latency_seconds_count{{{selector}}}", 20));
        native.WithLabels().CopySnapshot(snapshot);
        Assert.Equal(40, await ValueAsync($"histogram_count(rw_size_bytes{{{selector}}})", 40));
        Assert.Equal(snapshot.Sum, await ValueAsync($"histogram_sum(rw_size_bytes{{{selector}}})", snapshot.Sum));
        var quantiles = new double[2];
        var count = summary.WithLabels().GetSnapshot(quantiles, out var sum);
        Assert.Equal(quantiles[0], await ValueAsync($"rw_rtt_seconds{{{selector},quantile=\"0.5\"}}", quantiles[0]));
        Assert.Equal(quantiles[1], await ValueAsync($"rw_rtt_seconds{{{selector},quantile=\"0.9\"}}", quantiles[1]));
        Assert.Equal(sum, await ValueAsync($"rw_rtt_seconds_sum{{{selector}}}", sum));
        Assert.Equal(count, await ValueAsync($"rw_rtt_seconds_count{{{selector}}}", count));
    }

    [Fact]
    public async Task Send_WithExemplars_QueryExemplarsReturnsEachWithItsLabelsValueAndTimestamp()
    {
        const string Job = "rw_exemplars";
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("rw_ex_jobs_total", "Jobs.");
        var classic = registry.CreateHistogram("rw_ex_latency_seconds", "Latency.", new HistogramOptions { Buckets = [0.1, 1, 10] });
        var native = registry.CreateHistogram("rw_ex_size_bytes", "Size.", new HistogramOptions { Native = new NativeHistogramOptions() });
        var options = Options(prometheus.RemoteWriteEndpoint, registry, Job);
        options.SendExemplars = true;
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);

        // Recorded before the first collection: the native histogram's series is new to the receiver in that request.
        counter.Add(3, Pyrometer.Exemplar.From(("trace_id", "counter-trace"), ("span_id", "s1")));
        classic.Observe(0.5, Pyrometer.Exemplar.From("trace_id", "classic-trace"));
        native.Observe(300, Pyrometer.Exemplar.From("trace_id", "native-trace"));
        var after = DateTimeOffset.UtcNow.AddMilliseconds(1);
        await using (var sender = new RemoteWriteSender(options))
        {
            await sender.StartAsync();
            await Task.Delay(1200);
            await sender.StopAsync();
        }

        var selector = $"job=\"{Job}\",instance=\"unit-test:0\"";
        var onCounter = Assert.Single(await prometheus.WaitForExemplarsAsync($"rw_ex_jobs_total{{{selector}}}", found => found.Count > 0));
        Assert.Equal(new Dictionary<string, string> { ["trace_id"] = "counter-trace", ["span_id"] = "s1" }, onCounter.Labels);
        Assert.Equal(3, onCounter.Value);
        Assert.InRange(onCounter.Timestamp, before, after);
        var onBucket = Assert.Single(await prometheus.WaitForExemplarsAsync($"rw_ex_latency_seconds_bucket{{{selector}}}", found => found.Count > 0));
        Assert.Equal("1", onBucket.SeriesLabels["le"]);
        Assert.Equal("classic-trace", Assert.Single(onBucket.Labels).Value);
        Assert.Equal(0.5, onBucket.Value);
        var onNative = Assert.Single(await prometheus.WaitForExemplarsAsync($"rw_ex_size_bytes{{{selector}}}", found => found.Count > 0));
        Assert.Equal("rw_ex_size_bytes", onNative.SeriesLabels["__name__"]);
        Assert.Equal("native-trace", Assert.Single(onNative.Labels).Value);
        Assert.Equal(300, onNative.Value);
        Assert.InRange(onNative.Timestamp, before, after);
    }

    [Fact]
    public async Task Send_ReceiverAnswers400_NotRetried()
    {
        // Samples a year old are out of bounds for the receiver's head block: 400 with the reason.
        const string Job = "rw_rejected";
        var registry = new MetricRegistry();
        registry.CreateCounter("rw_rejected_total", "Rejected.").Inc();
        var recording = new RecordingHandler();
        using var client = new HttpClient(recording);
        var logs = new ListLoggerFactory();
        var options = Options(prometheus.RemoteWriteEndpoint, registry, Job);
        options.TimeProvider = new ShiftedTimeProvider(TimeSpan.FromDays(365));
        options.LoggerFactory = logs;
        options.Resilience.MaxRetryAttempts = 3;
        Counter rejected;
        await using (var sender = new RemoteWriteSender(options, client))
        {
            // The sender's own counters leave the registry with it.
            Assert.True(registry.TryGet("pyrometer_remote_write_rejected_requests_total", out var rejectedCollector));
            rejected = (Counter)rejectedCollector;
            await sender.StartAsync();
            await Task.Delay(1200);
            await sender.StopAsync();
        }

        // An attempt cut off before its answer (the next collection was due while a loaded receiver was still busy)
        // is recorded without a status and is rightly sent again. What must hold: every answer was 400, and no body
        // answered 400 was sent again, answered or not.
        var exchanges = recording.Exchanges.ToArray();
        var answered = exchanges.Where(e => e.Status != RecordingHandler.NoResponse).ToArray();
        Assert.NotEmpty(answered);
        Assert.All(answered, e => Assert.Equal(400, e.Status));
        var statuses = string.Join(",", exchanges.Select(e => e.Status));
        for (var i = 0; i < exchanges.Length; i++)
        {
            if (exchanges[i].Status == 400)
            {
                Assert.False(exchanges[(i + 1)..].Any(later => later.Body.AsSpan().SequenceEqual(exchanges[i].Body)), $"exchange {i} was answered 400 and sent again; statuses: {statuses}");
            }
        }

        Assert.Equal(answered.Length, rejected.Value);
        Assert.True(logs.Entries.Any(e => e.Message.Contains("400", StringComparison.Ordinal) && e.Message.Contains("out of bounds", StringComparison.OrdinalIgnoreCase)), string.Join("\n", logs.Entries.Select(e => e.Message)));
        Assert.Empty(await prometheus.QueryAsync($"rw_rejected_total{{job=\"{Job}\"}}"));
    }
}
