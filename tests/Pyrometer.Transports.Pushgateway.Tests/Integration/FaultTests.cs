using System.Diagnostics;
using Polly.CircuitBreaker;
using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>Each test runs its own Pushgateway, since it stops or freezes it.</summary>
public class FaultTests
{
    // Pushes every 500 ms with attempts cut off after 150 ms, so a frozen gateway times out and opens the breaker
    // quickly. A test whose gateway is stopped instead (refusing at once) and which needs its final push to land takes
    // a longer interval and attempt timeout: a gateway on a loaded machine can take longer than 150 ms to answer.
    private static PeriodicPushgatewayPusherOptions Options(PushgatewayFixture gateway, MetricRegistry registry, string job, TimeSpan? interval = null, TimeSpan? attemptTimeout = null) => new()
    {
        Endpoint = gateway.BaseAddress,
        Job = job,
        Registry = registry,
        Interval = interval ?? TimeSpan.FromMilliseconds(500),
        StopTimeout = TimeSpan.FromSeconds(5),
        Resilience = new HttpResilienceOptions
        {
            MaxRetryAttempts = 1,
            BaseDelay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromMilliseconds(150),
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(10),
            BreakDuration = TimeSpan.FromMilliseconds(500),
        },
    };

    private static Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        Eventually.HoldsAsync(condition, what, limit ?? TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20));

    // Increments the counter every 5 ms until cancelled (at most 20 000 times), returning the increments made.
    private static async Task<int> IncrementAsync(Counter counter, CancellationToken stop)
    {
        var made = 0;
        while (!stop.IsCancellationRequested && made < 20_000)
        {
            counter.WithLabels("/p/user").Inc();
            made++;
            await Task.Delay(5, CancellationToken.None);
        }

        return made;
    }

    [Fact]
    public async Task PeriodicPush_GatewayStoppedAndRestarted_RecoversAndEndsWithTheExactTotal()
    {
        await using var gateway = new PushgatewayContainerScope();
        await gateway.Container.StartAsync();
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        await using var pusher = new PeriodicPushgatewayPusher(Options(gateway.Container, registry, "fault_restart", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(900)));
        using var stopIncrementing = new CancellationTokenSource();
        var incrementing = IncrementAsync(counter, stopIncrementing.Token);

        await pusher.StartAsync();
        await WaitUntilAsync(() => pusher.Status.Successes >= 2, "two pushes succeeded");
        await gateway.Container.Container.StopAsync();
        await WaitUntilAsync(() => pusher.Status.ConsecutiveFailures >= 2, "two pushes failed");
        var restarted = DateTimeOffset.UtcNow;
        await gateway.Container.Container.StartAsync();
        await WaitUntilAsync(() => pusher.Status.LastSuccessTime > restarted, "a push succeeded after the restart");

        await stopIncrementing.CancelAsync();
        var made = await incrementing;
        await pusher.StopAsync();

        Assert.Null(pusher.Status.LastError);
        Assert.Equal(1 + made, counter.WithLabels("/p/user").Value);
        Assert.Equal(1 + made, await GatewayReader.GetExposedValueAsync(gateway.Container, "total_requests{instance=\"\",job=\"fault_restart\",url=\"/p/user\"}"));
    }

    [Fact]
    public async Task PeriodicPush_GatewayFrozen_AttemptsTimeOutBreakerOpensAppStaysResponsiveAndPushesResume()
    {
        await using var gateway = new PushgatewayContainerScope();
        await gateway.Container.StartAsync();
        var (registry, counter) = PusherHarness.RegistryWithCounter();
        await using var pusher = new PeriodicPushgatewayPusher(Options(gateway.Container, registry, "fault_freeze"));
        await pusher.StartAsync();
        await WaitUntilAsync(() => pusher.Status.Successes >= 1, "a push succeeded");

        await gateway.Container.Container.PauseAsync();
        var errors = new HashSet<Type>();
        var stalls = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();

        // Until both errors were seen: timed-out attempts, then the open breaker, which lets one attempt through
        // (timing out again) every break, so each shows up again and a tick delayed by a loaded machine cannot miss it.
        while (watch.Elapsed < TimeSpan.FromSeconds(30) && !(errors.Contains(typeof(Polly.Timeout.TimeoutRejectedException)) && errors.Contains(typeof(BrokenCircuitException))))
        {
            // The app's own work goes on: a 10 ms tick never stalls behind the frozen pushes.
            var tick = Stopwatch.StartNew();
            counter.WithLabels("/p/user").Inc();
            await Task.Delay(10);
            stalls.Add(tick.Elapsed);
            if (pusher.Status.LastError is { } error)
            {
                errors.Add(error.GetType());
            }
        }

        Assert.Contains(typeof(Polly.Timeout.TimeoutRejectedException), errors);
        Assert.Contains(typeof(BrokenCircuitException), errors);

        // A push that held up the app would do so at every push (one every 500 ms, and the loop sees at least two),
        // so the second longest tick shows it; the longest alone may be the machine (a GC pause, a starved pool).
        stalls.Sort();
        Assert.True(stalls.Count >= 2 && stalls[^2] < TimeSpan.FromSeconds(1), $"the app stalled for {string.Join(", ", stalls.TakeLast(3))} (the longest ticks of {stalls.Count})");

        var thawed = DateTimeOffset.UtcNow;
        await gateway.Container.Container.UnpauseAsync();
        await WaitUntilAsync(() => pusher.Status.LastSuccessTime > thawed, "a push succeeded after the thaw");

        // Pushes the client gave up on while the gateway was frozen still sit in its sockets and are applied after
        // the thaw, in no set order with the first new one; the pushes that follow every 500 ms carry the final value.
        const string Series = "total_requests{instance=\"\",job=\"fault_freeze\",url=\"/p/user\"}";
        var final = counter.WithLabels("/p/user").Value;
        double? exposed = null;
        var giveUp = Stopwatch.StartNew();
        while ((exposed = await GatewayReader.GetExposedValueAsync(gateway.Container, Series)) != final && giveUp.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        await pusher.StopAsync();

        Assert.Equal(final, exposed);
        Assert.Equal(final, await GatewayReader.GetExposedValueAsync(gateway.Container, Series));
    }
}
