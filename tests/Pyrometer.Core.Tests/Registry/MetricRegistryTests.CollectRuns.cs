using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Pyrometer.TestUtils;

namespace Pyrometer.Core.Tests;

public partial class MetricRegistryTests
{
    // Releases callbacks that block the caller's thread (as they did before runs moved off it), so such a test fails
    // instead of hanging. Far beyond the bounds the tests assert, so a slow (loaded) run never sees a callback
    // released before the test is done with it.
    private static readonly TimeSpan BlockingSafetyRelease = TimeSpan.FromSeconds(60);

    [Fact]
    public void CollectTimeout_Default_FiveSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), new MetricRegistryOptions().CollectTimeout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(-1000)]
    [InlineData(30L * 24 * 3600 * 1000)]
    public void Constructor_CollectTimeoutOutOfRange_ThrowsNamingIt(long milliseconds)
    {
        var options = new MetricRegistryOptions { CollectTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MetricRegistry(options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("MetricRegistryOptions.CollectTimeout must be greater than zero", ex.Message);
        Assert.Contains("Timeout.InfiniteTimeSpan", ex.Message);
    }

    [Fact]
    public async Task Constructor_InfiniteCollectTimeout_Accepted()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { CollectTimeout = Timeout.InfiniteTimeSpan });
        var runs = 0;
        using var callback = registry.AddCollectCallback(() => runs++);

        await registry.CollectAsync();

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task CollectAsync_ConcurrentCalls_ShareOneRun()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gauge = _registry.CreateGauge("runs", "Runs.");
        var invocations = 0;
        using var callback = _registry.AddCollectCallback(async _ =>
        {
            gauge.Set(Interlocked.Increment(ref invocations));
            await gate.Task;
        });

        var calls = Enumerable.Range(0, 5).Select(_ => _registry.CollectAsync().AsTask()).ToArray();
        gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(20));
        await _registry.CollectAsync();

        Assert.Equal(2, invocations);
        Assert.Equal(2, gauge.Value);
    }

    [Fact]
    public async Task CollectAsync_SyncCallbackBlocks_ReturnsToTheCallerAtOnce()
    {
        using var gate = new ManualResetEventSlim();
        using var safety = new Timer(_ => gate.Set(), null, BlockingSafetyRelease, Timeout.InfiniteTimeSpan);
        using var callback = _registry.AddCollectCallback(() => gate.Wait());

        var watch = Stopwatch.StartNew();
        var call = _registry.CollectAsync().AsTask();
        var returnedAfter = watch.Elapsed;
        var completedWhileBlocked = call.IsCompleted;
        gate.Set();
        await call.WaitAsync(TimeSpan.FromSeconds(20));

        // A caller held by the callback would wait for its release (60 s); the bound leaves room for a loaded machine.
        Assert.False(completedWhileBlocked);
        Assert.True(returnedAfter < TimeSpan.FromSeconds(10), $"CollectAsync held the caller for {returnedAfter.TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task CollectAsync_QuickSyncCallback_CompletesOnTheCallersThreadWithoutAwaiting()
    {
        var callerThread = Environment.CurrentManagedThreadId;
        var callbackThreads = new List<int>();
        using var callback = _registry.AddCollectCallback(() => callbackThreads.Add(Environment.CurrentManagedThreadId));

        // The caller waits briefly for a quick run instead of awaiting it; a busy machine may miss that now and
        // then, so one collection in 200 completing before CollectAsync returns is enough.
        var completedAtOnce = 0;
        for (var i = 0; i < 200 && completedAtOnce == 0; i++)
        {
            var call = _registry.CollectAsync();
            completedAtOnce += call.IsCompleted ? 1 : 0;
            await call;
        }

        Assert.Equal(1, completedAtOnce);
        Assert.DoesNotContain(callerThread, callbackThreads);
    }

    [Fact]
    public async Task CollectAsync_CallbackAfterAYieldingOneThrows_ThrowsWithInnerAndRunsNoLaterOne()
    {
        var failure = new InvalidOperationException("after the yield");
        var ran = new List<int>();
        using var first = _registry.AddCollectCallback(async _ =>
        {
            await Task.Yield();
            ran.Add(1);
        });
        using var second = _registry.AddCollectCallback(() => throw failure);
        using var third = _registry.AddCollectCallback(() => ran.Add(3));

        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(async () => await _registry.CollectAsync());

        Assert.Same(failure, ex.InnerException);
        Assert.Equal([1], ran);
    }

    [Fact]
    public void CollectAsync_BlockingCallbackAndManyCallers_NeverRunsItTwiceAtOnce()
    {
        var running = new OverlapCounter();
        var invocations = 0;
        using var callback = _registry.AddCollectCallback(() =>
        {
            Interlocked.Increment(ref invocations);
            running.Enter();
            Thread.Sleep(20);
            running.Exit();
        });

        // Threads of their own, so the callers overlap however busy the thread pool is.
        var callers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 8; i++)
            {
                _registry.CollectAsync().AsTask().GetAwaiter().GetResult();
            }
        })).ToList();
        callers.ForEach(c => c.Start());
        callers.ForEach(c => Assert.True(c.Join(TimeSpan.FromSeconds(20))));

        Assert.Equal(1, running.Max);
        Assert.InRange(invocations, 8, 32);
    }

    [Fact]
    public async Task CollectAsync_CallbackHangs_ThrowsAtTheTimeoutNamingIt()
    {
        var time = new FakeTimeProvider();
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time, CollectTimeout = TimeSpan.FromSeconds(2) });
        using var gate = new ManualResetEventSlim();
        using var safety = new Timer(_ => gate.Set(), null, BlockingSafetyRelease, Timeout.InfiniteTimeSpan);
        using var callback = registry.AddCollectCallback(() => gate.Wait());

        var call = registry.CollectAsync().AsTask();
        time.Advance(TimeSpan.FromMilliseconds(1999));
        var completedBeforeTimeout = call.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(() => call.WaitAsync(TimeSpan.FromSeconds(20)));
        gate.Set();

        Assert.False(completedBeforeTimeout);
        Assert.Contains("did not finish within the collect timeout of 2 s (MetricRegistryOptions.CollectTimeout)", ex.Message);
        Assert.Contains("still running", ex.Message);
    }

    [Fact]
    public async Task CollectAsync_AfterTimeoutWhileCallbackStillRuns_WaitsForItInsteadOfRunningItAgain()
    {
        var time = new FakeTimeProvider();
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time, CollectTimeout = TimeSpan.FromSeconds(1) });
        var gauge = registry.CreateGauge("runs", "Runs.");
        using var gate = new ManualResetEventSlim();
        using var safety = new Timer(_ => gate.Set(), null, BlockingSafetyRelease, Timeout.InfiniteTimeSpan);
        var invocations = 0;
        using var callback = registry.AddCollectCallback(() =>
        {
            gauge.Set(Interlocked.Increment(ref invocations));
            gate.Wait();
        });

        var first = registry.CollectAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<MetricsCollectionException>(() => first.WaitAsync(TimeSpan.FromSeconds(20)));
        var second = registry.CollectAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<MetricsCollectionException>(() => second.WaitAsync(TimeSpan.FromSeconds(20)));
        var third = registry.CollectAsync().AsTask();
        var invocationsWhileHung = Volatile.Read(ref invocations);
        gate.Set();
        await third.WaitAsync(TimeSpan.FromSeconds(20));
        await registry.CollectAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, invocationsWhileHung);
        Assert.Equal(2, invocations);
    }

    [Fact]
    public async Task CollectAsync_AsyncCallbackPastTheTimeout_ReceivesCancellation()
    {
        var time = new FakeTimeProvider();
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = time, CollectTimeout = TimeSpan.FromSeconds(3) });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var callback = registry.AddCollectCallback(async ct =>
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                cancelled.TrySetResult(ct.IsCancellationRequested);
            }
        });

        var call = registry.CollectAsync().AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        time.Advance(TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(() => call.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("3 s", ex.Message);
    }

    [Fact]
    public async Task CollectAsync_AbandonedRunEndsInFailure_NextCallerRunsTheCallbacksAfresh()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gauge = _registry.CreateGauge("runs", "Runs.");
        var invocations = 0;
        using var callback = _registry.AddCollectCallback(async ct =>
        {
            var invocation = Interlocked.Increment(ref invocations);
            if (invocation == 1)
            {
                await gate.Task;
                ct.ThrowIfCancellationRequested();
            }

            gauge.Set(invocation);
        });
        using var source = new CancellationTokenSource();

        var abandoned = _registry.CollectAsync(source.Token).AsTask();
        source.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(20)));
        var next = _registry.CollectAsync().AsTask();
        var invocationsBeforeTheAbandonedRunEnded = Volatile.Read(ref invocations);
        gate.SetResult();
        await next.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1, invocationsBeforeTheAbandonedRunEnded);
        Assert.Equal(2, invocations);
        Assert.Equal(2, gauge.Value);
    }
}
