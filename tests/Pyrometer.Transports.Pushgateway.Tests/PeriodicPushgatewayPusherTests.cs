using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests;

public class PeriodicPushgatewayPusherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static PeriodicPushgatewayPusherOptions Options(MetricRegistry registry, TimeProvider time, ILoggerFactory? logs = null) => new()
    {
        Endpoint = PusherHarness.Endpoint,
        Job = "batch",
        Registry = registry,
        Interval = Interval,
        Resilience = PusherHarness.SingleAttempt(),
        TimeProvider = time,
        LoggerFactory = logs,
    };

    private static async Task WaitForRequestsAsync(ScriptedHttpHandler handler, int count)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (handler.Requests.Count < count)
        {
            Assert.True(DateTime.UtcNow < giveUp, $"{handler.Requests.Count} requests arrived, not {count}");
            await Task.Delay(1);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Eventually.HoldsAsync(condition, "the condition", TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task StartAsync_EveryInterval_PushesAgain()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        await using var pusher = new PeriodicPushgatewayPusher(Options(PusherHarness.RegistryWithCounter().Registry, time), client);

        await pusher.StartAsync();
        await WaitForRequestsAsync(handler, 1);
        await WaitUntilAsync(() => time.DueTimes.Contains(Interval));
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.Single(handler.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForRequestsAsync(handler, 2);

        await WaitUntilAsync(() => pusher.Status.Successes == 2);
        Assert.Equal(time.GetUtcNow(), pusher.Status.LastSuccessTime);
        Assert.Equal(0, pusher.Status.ConsecutiveFailures);
    }

    [Fact]
    public async Task StartAsync_PushFails_LoggedAndTheNextPushCarriesEveryIncrement()
    {
        var time = new TimerRecordingTimeProvider();
        var logs = new ListLoggerFactory();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        var options = Options(registry, time, logs);
        options.ExposeStatusMetrics = true;
        await using var pusher = new PeriodicPushgatewayPusher(options, client);

        await pusher.StartAsync();
        await WaitUntilAsync(() => pusher.Status.Failures == 1);
        Assert.Equal(1, pusher.Status.ConsecutiveFailures);
        Assert.Contains("500", pusher.Status.LastError!.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Exception == pusher.Status.LastError);
        Assert.True(registry.TryGet("pyrometer_push_consecutive_failures", out var failures));
        Assert.Equal(1, ((Gauge)failures!).Value);

        counter.WithLabels("/p/user").Add(4);
        await WaitUntilAsync(() => time.DueTimes.Contains(Interval));
        time.Advance(Interval);
        await WaitUntilAsync(() => pusher.Status.Successes == 1);

        Assert.Contains("total_requests{url=\"/p/user\"} 5\n", Encoding.UTF8.GetString(handler.Requests.Last().Body), StringComparison.Ordinal);
        Assert.Equal(0, pusher.Status.ConsecutiveFailures);
        Assert.Null(pusher.Status.LastError);
        Assert.Equal(0, ((Gauge)failures!).Value);
    }

    [Fact]
    public async Task StartAsync_PushOutlastsIntervals_PushesNeverOverlap()
    {
        var time = new TimerRecordingTimeProvider();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHttpHandler(async (_, _) =>
        {
            await release.Task;
            return ScriptedHttpHandler.Respond(HttpStatusCode.OK);
        });
        using var client = new HttpClient(handler);
        var options = Options(PusherHarness.RegistryWithCounter().Registry, time);
        options.PushOnStop = false;
        await using var pusher = new PeriodicPushgatewayPusher(options, client);

        await pusher.StartAsync();
        await WaitForRequestsAsync(handler, 1);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(Interval);
            await Task.Delay(20);
        }

        Assert.Single(handler.Requests);
        release.SetResult();
        await WaitForRequestsAsync(handler, 2);
        await pusher.StopAsync();
        Assert.Equal(1, handler.Overlap.Max);
    }

    [Fact]
    public async Task StopAsync_AfterIncrements_PushesFinalValuesThenDeletes()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        var options = Options(registry, time);
        options.DeleteOnStop = true;
        await using var pusher = new PeriodicPushgatewayPusher(options, client);
        await pusher.StartAsync();
        await WaitForRequestsAsync(handler, 1);

        counter.WithLabels("/p/user").Add(41);
        await pusher.StopAsync();

        var requests = handler.Requests.ToArray();
        Assert.Equal(["PUT", "PUT", "DELETE"], requests.Select(r => r.Method));
        Assert.Contains("total_requests{url=\"/p/user\"} 42\n", Encoding.UTF8.GetString(requests[1].Body), StringComparison.Ordinal);
        Assert.Equal(2, pusher.Status.Successes);
    }

    [Fact]
    public async Task StopAsync_GatewayHangs_FinalPushGivesUpAfterStopTimeout()
    {
        var handler = new ScriptedHttpHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return ScriptedHttpHandler.Respond(HttpStatusCode.OK);
        });
        using var client = new HttpClient(handler);
        var options = Options(PusherHarness.RegistryWithCounter().Registry, TimeProvider.System);

        // A stop timeout long enough for the final push to reach the gateway on a loaded machine, and an attempt
        // timeout far beyond it (as the interval allows), so only the stop timeout can end the stop in time.
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(9);
        options.StopTimeout = TimeSpan.FromSeconds(2);
        await using var pusher = new PeriodicPushgatewayPusher(options, client);
        await pusher.StartAsync();
        await WaitForRequestsAsync(handler, 1);

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await pusher.StopAsync();

        Assert.InRange(stopping.Elapsed, options.StopTimeout - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(8));
        Assert.Equal(2, handler.Requests.Count);
        Assert.IsType<TimeoutException>(pusher.Status.LastError);
    }

    [Fact]
    public async Task DisposeAsync_AfterACancelledStop_DoesNotThrow()
    {
        var handler = ScriptedHttpHandler.Statuses(HttpStatusCode.OK);
        using var client = new HttpClient(handler);
        var pusher = new PeriodicPushgatewayPusher(Options(PusherHarness.RegistryWithCounter().Registry, new TimerRecordingTimeProvider()), client);
        await pusher.StartAsync();
        await WaitForRequestsAsync(handler, 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pusher.StopAsync(cancelled.Token));
        await pusher.DisposeAsync();

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        using var client = new HttpClient(ScriptedHttpHandler.Statuses(HttpStatusCode.OK));
        await using var pusher = new PeriodicPushgatewayPusher(Options(new MetricRegistry(), new TimerRecordingTimeProvider()), client);
        await pusher.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => pusher.StartAsync());
    }

    [Fact]
    public void Constructor_RetriesLongerThanInterval_ThrowsSayingWhatToChange()
    {
        var options = Options(new MetricRegistry(), TimeProvider.System);
        options.Resilience = new Http.HttpResilienceOptions();
        options.Interval = TimeSpan.FromSeconds(5);

        var error = Assert.Throws<ValidationException>(() => new PeriodicPushgatewayPusher(options));

        Assert.Contains("longer than Interval (00:00:05)", error.Message, StringComparison.Ordinal);
        Assert.Contains("lower Resilience.MaxRetryAttempts, AttemptTimeout or MaxDelay, or raise Interval", error.Message, StringComparison.Ordinal);
    }
}
