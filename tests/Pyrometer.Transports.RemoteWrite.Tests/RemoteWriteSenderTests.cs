using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Logging;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.RemoteWrite.Proto;

namespace Pyrometer.Transports.RemoteWrite.Tests;

public class RemoteWriteSenderTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/api/v1/write");

    private static RemoteWriteSenderOptions Options(MetricRegistry registry, TimeProvider time, ILoggerFactory? logs = null, int retries = 0) => new()
    {
        Endpoint = Endpoint,
        Registry = registry,
        Interval = Interval,
        TimeProvider = time,
        LoggerFactory = logs,
        ExternalLabels = { ["job"] = "unit" },
        Resilience = new HttpResilienceOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(1),
            UseJitter = false,
            CircuitBreakerEnabled = false,
        },
    };

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

    private static WriteRequest Body(RecordedRequest request) => WriteRequests.Decode(request.Body);

    private static double CounterIn(RecordedRequest request, string name) =>
        Body(request).Timeseries.Single(s => s.Labels.Any(l => l.Name == "__name__" && l.Value == name)).Value();

    [Fact]
    public async Task StartAsync_FirstCycle_PostsSnappyProtobufWithTheRequiredHeaders()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.NoContent);
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Add(7);
        var options = Options(registry, time);
        options.Http.Headers["X-Scope-OrgID"] = "tenant-1";
        await using var sender = new RemoteWriteSender(options, client);

        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1, "the first request");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(Endpoint, request.Uri);
        Assert.Equal("application/x-protobuf", request.ContentType);
        Assert.Equal("snappy", request.ContentEncoding);
        Assert.Equal("0.1.0", request.Headers["X-Prometheus-Remote-Write-Version"]);
        Assert.StartsWith("Pyrometer/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("tenant-1", request.Headers["X-Scope-OrgID"]);
        var series = Body(request).Timeseries.Single(s => WriteRequests.Key(s) == "jobs_total{job=\"unit\"}");
        Assert.Equal(7, series.Value());
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), series.Samples[0].Timestamp);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartAsync_SendExemplars_ExemplarSentOnlyWhenOn(bool sendExemplars)
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.NoContent);
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Add(7, Exemplar.From("trace_id", "t1"));
        var options = Options(registry, time);
        options.SendExemplars = sendExemplars;
        await using var sender = new RemoteWriteSender(options, client);

        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1, "the first request");

        var series = Body(Assert.Single(handler.Requests)).Timeseries.Single(s => WriteRequests.Key(s) == "jobs_total{job=\"unit\"}");
        string[] expected = sendExemplars ? ["t1"] : [];
        Assert.Equal(expected, series.Exemplars.Select(e => e.Labels.Single().Value));
    }

    [Fact]
    public async Task StartAsync_EveryInterval_SendsAgainStampedWithTheCollectionTime()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("jobs_total", "Jobs.");
        await using var sender = new RemoteWriteSender(Options(registry, time), client);

        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1 && time.DueTimes.Contains(Interval), "the first cycle");
        counter.Inc();
        time.Advance(Interval);
        await WaitUntilAsync(() => handler.Requests.Count == 2, "the second request");

        var second = handler.Requests.Last();
        Assert.Equal(1, CounterIn(second, "jobs_total"));
        Assert.All(Body(second).Timeseries, s => Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), s.Samples[0].Timestamp));
    }

    [Fact]
    public async Task StartAsync_Receiver503ThenOk_RetriedAfterTheBackoffWithTheSameBody()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        await using var sender = new RemoteWriteSender(Options(registry, time, retries: 2), client);

        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1 && time.DueTimes.Contains(TimeSpan.FromSeconds(1)), "the backoff");
        time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.Single(handler.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => handler.Requests.Count == 2, "the retry");
        await WaitUntilAsync(() => sender.QueuedRequests == 0, "the queue to empty");

        var requests = handler.Requests.ToArray();
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task StartAsync_Receiver400_NotRetriedLoggedWithTheReceiversMessageAndCounted()
    {
        var time = new TimerRecordingTimeProvider();
        var logs = new ListLoggerFactory();
        var handler = new ScriptedHttpHandler((_, _) => Task.FromResult(ScriptedHttpHandler.Respond(HttpStatusCode.BadRequest, "out of bounds: sample too old")));
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        await using var sender = new RemoteWriteSender(Options(registry, time, logs, retries: 3), client);

        await sender.StartAsync();
        await WaitUntilAsync(() => logs.Entries.Any(e => e.Level == LogLevel.Error), "the rejection log");

        Assert.Single(handler.Requests);
        Assert.Equal(0, sender.QueuedRequests);
        var entry = logs.Entries.Single(e => e.Level == LogLevel.Error);
        Assert.Contains("out of bounds: sample too old", entry.Message, StringComparison.Ordinal);
        Assert.Contains("400", entry.Message, StringComparison.Ordinal);
        Assert.True(registry.TryGet("pyrometer_remote_write_rejected_requests_total", out var rejected));
        Assert.Equal(1, ((Counter)rejected).Value);
    }

    [Fact]
    public async Task StartAsync_ReceiverDownLongerThanTheQueueHolds_OldestDroppedCountedTheRestDeliveredInOrder()
    {
        var time = new TimerRecordingTimeProvider();
        var up = false;
        var handler = new ScriptedHttpHandler((_, _) => Task.FromResult(ScriptedHttpHandler.Respond(Volatile.Read(ref up) ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable)));
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("jobs_total", "Jobs.");
        var options = Options(registry, time);
        options.MaxQueuedRequests = 2;
        await using var sender = new RemoteWriteSender(options, client);

        await sender.StartAsync();
        for (var cycle = 1; cycle <= 4; cycle++)
        {
            // Each cycle arms the send deadline and the delay to the next one, both one interval away.
            await WaitUntilAsync(() => handler.Requests.Count == cycle && time.DueTimes.Count(d => d == Interval) == 2 * cycle, $"cycle {cycle}");
            counter.Inc();
            if (cycle < 4)
            {
                time.Advance(Interval);
            }
        }

        // Four collections (values 0..3) into a queue of two: the two oldest were dropped.
        Assert.Equal(2, sender.QueuedRequests);
        Assert.True(registry.TryGet("pyrometer_remote_write_dropped_requests_total", out var dropped));
        Assert.Equal(2, ((Counter)dropped).Value);

        Volatile.Write(ref up, true);
        var before = handler.Requests.Count;
        time.Advance(Interval);
        await WaitUntilAsync(() => handler.Requests.Count == before + 2 && sender.QueuedRequests == 0, "the queue to drain");

        // The fifth collection (4) pushed out one more (2); what fit the queue arrived, oldest first.
        var delivered = handler.Requests.ToArray()[before..].Select(r => CounterIn(r, "jobs_total")).ToArray();
        Assert.Equal([3, 4], delivered);
        Assert.Equal(3, ((Counter)dropped).Value);
        Assert.Equal(2, CounterIn(handler.Requests.Last(), "pyrometer_remote_write_dropped_requests_total"));
    }

    [Fact]
    public async Task StopAsync_AfterChanges_CollectsOnceMoreAndFlushes()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("jobs_total", "Jobs.");
        await using var sender = new RemoteWriteSender(Options(registry, time), client);
        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1, "the first request");

        counter.Add(42);
        await sender.StopAsync();
        await sender.StopAsync();

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(42, CounterIn(handler.Requests.Last(), "jobs_total"));
    }

    [Fact]
    public async Task StopAsync_ReceiverHangs_ReturnsWithinTheStopTimeout()
    {
        var time = new TimerRecordingTimeProvider();
        var logs = new ListLoggerFactory();
        var handler = new ScriptedHttpHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedHttpHandler.Respond(HttpStatusCode.OK);
        });
        using var client = new HttpClient(handler);
        var registry = new MetricRegistry();
        registry.CreateCounter("jobs_total", "Jobs.").Inc();
        var options = Options(registry, time, logs);
        options.Interval = TimeSpan.FromMinutes(1);
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(1);
        options.StopTimeout = TimeSpan.FromSeconds(2);
        await using var sender = new RemoteWriteSender(options, client);
        await sender.StartAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 1, "the first request");

        var stop = sender.StopAsync();
        await WaitUntilAsync(() => handler.Requests.Count == 2 && time.DueTimes.Contains(TimeSpan.FromSeconds(2)), "the final attempt");
        time.Advance(TimeSpan.FromSeconds(2));
        await stop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, sender.QueuedRequests);
        Assert.Contains(logs.Entries, e => e.Message.Contains("2 requests unsent", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X-Prometheus-Remote-Write-Version")]
    [InlineData("User-Agent")]
    [InlineData("Content-Encoding")]
    public void Constructor_HeaderTheProtocolSets_RejectedNamingIt(string header)
    {
        var options = Options(new MetricRegistry(), TimeProvider.System);
        options.Http.Headers[header] = "x";

        var error = Assert.Throws<ValidationException>(() => new RemoteWriteSender(options));

        Assert.Contains(header, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("__name__", "x", "invalid")]
    [InlineData("1st", "x", "invalid")]
    [InlineData("zone", "", "empty")]
    [InlineData("region", "x", "const label of the registry")]
    public void Constructor_BadExternalLabel_RejectedNamingIt(string name, string value, string reason)
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["region"] = "eu" } });
        var options = Options(registry, TimeProvider.System);
        options.ExternalLabels[name] = value;

        var error = Assert.Throws<ValidationException>(() => new RemoteWriteSender(options));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoEndpoint_RejectedNamingIt()
    {
        var options = Options(new MetricRegistry(), TimeProvider.System);
        options.Endpoint = null;

        var error = Assert.Throws<ValidationException>(() => new RemoteWriteSender(options));

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }
}
