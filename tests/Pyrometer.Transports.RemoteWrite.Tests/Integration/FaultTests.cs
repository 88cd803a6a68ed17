using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>A receiver of its own, stopped and started again on the same port while the app keeps counting.</summary>
public class FaultTests
{
    private static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan limit) =>
        Eventually.HoldsAsync(condition, what, limit, TimeSpan.FromMilliseconds(20));

    private static async Task<long> IncrementAsync(Counter counter, CancellationToken stop)
    {
        long made = 0;
        while (!stop.IsCancellationRequested)
        {
            counter.Inc();
            made++;
            try
            {
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return made;
    }

    private static int DistinctBodies((byte[] Body, int Status)[] exchanges, Func<(byte[] Body, int Status), bool> which) =>
        exchanges.Where(which).Select(e => Convert.ToBase64String(e.Body)).Distinct().Count();

    [Fact]
    public async Task Send_ReceiverStoppedForSeveralIntervals_QueuedRequestsArriveFinalValueExactDropsCounted()
    {
        const string Job = "rw_fault_restart";
        var receiver = new RemoteWriteReceiverPrometheusFixture();
        try
        {
            await receiver.StartAsync();
            var registry = new MetricRegistry();
            var counter = registry.CreateCounter("rw_fault_total", "Counted while the receiver is down.");
            var recording = new RecordingHandler();
            using var client = new HttpClient(recording);
            var options = new RemoteWriteSenderOptions
            {
                Endpoint = receiver.RemoteWriteEndpoint,
                Registry = registry,
                Interval = TimeSpan.FromMilliseconds(250),
                MaxQueuedRequests = 6,

                // The flush on stop sends the final value, one attempt per request: generous bounds so a receiver
                // slowed by a loaded machine right after its restart still answers it. (The interval cuts attempts
                // off in the periodic cycles anyway, and a stopped receiver refuses at once.)
                StopTimeout = TimeSpan.FromSeconds(30),
                ExternalLabels = { ["job"] = Job },
                Resilience = new HttpResilienceOptions { MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromSeconds(10), CircuitBreakerEnabled = false },
            };
            using var stopIncrementing = new CancellationTokenSource();
            var incrementing = IncrementAsync(counter, stopIncrementing.Token);
            long made;
            Counter droppedCounter;
            await using (var sender = new RemoteWriteSender(options, client))
            {
                // The sender's own counters leave the registry with it.
                Assert.True(registry.TryGet("pyrometer_remote_write_dropped_requests_total", out var droppedCollector));
                droppedCounter = (Counter)droppedCollector;
                await sender.StartAsync();
                await WaitUntilAsync(() => recording.Exchanges.Count(e => e.Status / 100 == 2) >= 2, "two deliveries", TimeSpan.FromSeconds(20));
                await receiver.Container.StopAsync();
                await WaitUntilAsync(() => sender.QueuedRequests == options.MaxQueuedRequests, "a full queue", TimeSpan.FromSeconds(20));
                await Task.Delay(TimeSpan.FromSeconds(1));
                await receiver.Container.StartAsync();
                await WaitUntilAsync(() => sender.QueuedRequests <= 1 && recording.Exchanges.Reverse().Take(1).Any(e => e.Status / 100 == 2), "the queue to drain", TimeSpan.FromSeconds(60));

                await stopIncrementing.CancelAsync();
                made = await incrementing;
                await sender.StopAsync();
                Assert.Equal(0, sender.QueuedRequests);
            }

            var dropped = droppedCounter.Value;
            Assert.True(dropped > 0, $"the outage outlasted the queue, so some requests were dropped; exchanges: {string.Join(",", recording.Exchanges.Select(e => e.Status))}");

            // Every delivered request holds one sample of the counter, and each of them is stored. A request whose
            // attempt ended without a response (a timeout while the receiver restarts) may be stored too, and a
            // request sent again carries the same body, so the bounds count distinct bodies.
            var exchanges = recording.Exchanges.ToArray();
            var delivered = DistinctBodies(exchanges, e => e.Status / 100 == 2);
            var mayBeStored = DistinctBodies(exchanges, e => e.Status / 100 == 2 || e.Status == RecordingHandler.NoResponse);
            try
            {
                await receiver.WaitForAsync($"count_over_time(rw_fault_total{{job=\"{Job}\"}}[10m])", s => s.Count == 1 && s[0].Value >= delivered && s[0].Value <= mayBeStored, TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message} Awaited {delivered} to {mayBeStored}; statuses: {string.Join(",", exchanges.Select(x => x.Status))}", e);
            }

            await receiver.WaitForAsync($"rw_fault_total{{job=\"{Job}\"}}", s => s.Count == 1 && s[0].Value == made, TimeSpan.FromSeconds(30));
            await receiver.WaitForAsync($"max_over_time(pyrometer_remote_write_dropped_requests_total{{job=\"{Job}\"}}[10m])", s => s.Count == 1 && s[0].Value == dropped, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await receiver.DisposeAsync();
        }
    }
}
