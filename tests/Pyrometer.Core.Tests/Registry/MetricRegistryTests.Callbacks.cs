namespace Pyrometer.Core.Tests;

public partial class MetricRegistryTests
{
    [Fact]
    public async Task CollectAsync_SyncCallback_RunsBeforeEveryRead()
    {
        var gauge = _registry.CreateGauge("scrapes", "Scrapes.");
        var runs = 0;
        using var callback = _registry.AddCollectCallback(() => gauge.Set(++runs));

        var first = await _registry.CollectAsync();
        var firstValue = ((Gauge)first.Collectors[0]).Series.First().Value;
        await _registry.CollectAsync();

        Assert.Equal(1, firstValue);
        Assert.Equal(2, gauge.Value);
    }

    [Fact]
    public async Task CollectAsync_AsyncCallback_AwaitedBeforeRead()
    {
        var gauge = _registry.CreateGauge("queue_length", "Queue.");
        using var callback = _registry.AddCollectCallback(async ct =>
        {
            await Task.Delay(10, ct);
            gauge.Set(42);
        });

        var collected = await _registry.CollectAsync();

        Assert.Equal(42, ((Gauge)collected.Collectors[0]).Series.First().Value);
    }

    [Fact]
    public async Task CollectAsync_CallerGivesUp_CallbackTokenCancelled()
    {
        using var source = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var callback = _registry.AddCollectCallback(async ct =>
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

        var collect = _registry.CollectAsync(source.Token).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var cancelledBeforeGivingUp = cancelled.Task.IsCompleted;
        source.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collect.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(cancelledBeforeGivingUp);
    }

    [Fact]
    public async Task CollectAsync_Callbacks_RunInOrderAdded()
    {
        var order = new List<int>();
        using var first = _registry.AddCollectCallback(() => order.Add(1));
        using var second = _registry.AddCollectCallback(async _ =>
        {
            await Task.Yield();
            order.Add(2);
        });
        using var third = _registry.AddCollectCallback(() => order.Add(3));

        await _registry.CollectAsync();

        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task CollectAsync_ThrowingCallback_ThrowsWithInnerAndRecoversWhenFixed()
    {
        var gauge = _registry.CreateGauge("value", "Value.");
        var failure = new InvalidOperationException("sensor offline");
        var broken = true;
        using var callback = _registry.AddCollectCallback(() =>
        {
            if (broken)
            {
                throw failure;
            }

            gauge.Set(7);
        });

        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(async () => await _registry.CollectAsync());
        broken = false;
        var collected = await _registry.CollectAsync();

        Assert.Same(failure, ex.InnerException);
        Assert.Contains("sensor offline", ex.Message);
        Assert.Equal(7, ((Gauge)collected.Collectors[0]).Series.First().Value);
    }

    [Fact]
    public async Task CollectAsync_ThrowingAsyncCallback_ThrowsWithInnerAndRecoversWhenRemoved()
    {
        var failure = new TimeoutException("too slow");
        var callback = _registry.AddCollectCallback(async _ =>
        {
            await Task.Yield();
            throw failure;
        });

        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(async () => await _registry.CollectAsync());
        callback.Dispose();
        var collected = await _registry.CollectAsync();

        Assert.Same(failure, ex.InnerException);
        Assert.Equal(0, collected.Collectors.Length);
    }

    [Fact]
    public async Task CollectAsync_CallbackThrowsOperationCanceledWithoutCancellation_Wrapped()
    {
        var failure = new OperationCanceledException("inner timeout");
        using var callback = _registry.AddCollectCallback(() => throw failure);

        var ex = await Assert.ThrowsAsync<MetricsCollectionException>(async () => await _registry.CollectAsync());

        Assert.Same(failure, ex.InnerException);
    }

    [Fact]
    public async Task CollectAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var runs = 0;
        using var callback = _registry.AddCollectCallback(() => runs++);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _registry.CollectAsync(source.Token));

        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task CollectAsync_CallbackCancelledByToken_ThrowsOperationCanceledUnwrapped()
    {
        using var source = new CancellationTokenSource();
        using var callback = _registry.AddCollectCallback(async ct =>
        {
            source.Cancel();
            await Task.Delay(Timeout.Infinite, ct);
        });

        var ex = await Record.ExceptionAsync(async () => await _registry.CollectAsync(source.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }

    [Fact]
    public async Task AddCollectCallback_HandleDisposed_CallbackNoLongerRuns()
    {
        var runs = 0;
        var kept = 0;
        var handle = _registry.AddCollectCallback(() => runs++);
        using var other = _registry.AddCollectCallback(() => kept++);

        await _registry.CollectAsync();
        handle.Dispose();
        handle.Dispose();
        await _registry.CollectAsync();

        Assert.Equal(1, runs);
        Assert.Equal(2, kept);
    }

    [Fact]
    public void AddCollectCallback_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _registry.AddCollectCallback((Action)null!));
        Assert.Throws<ArgumentNullException>(() => _registry.AddCollectCallback((Func<CancellationToken, ValueTask>)null!));
    }

    [Fact]
    public async Task CollectAsync_UntouchedUnlabelledCollectors_EachExposedWithOneZeroSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        var histogram = _registry.CreateHistogram("latency_seconds", "Latency.");
        var summary = _registry.CreateSummary("size_bytes", "Size.");
        Assert.Equal(0, counter.SeriesCount);

        var collected = await _registry.CollectAsync();

        Assert.Equal(1, counter.Series.Count);
        Assert.Equal(0, counter.Series.First().Value);
        Assert.Equal(1, gauge.Series.Count);
        Assert.Equal(1, histogram.Series.Count);
        Assert.Equal(0, histogram.Series.First().Count);
        Assert.Equal(1, summary.Series.Count);
        Assert.Equal(4, collected.Collectors.Length);
        Assert.All(collected.Collectors.ToArray(), c => Assert.Equal(1, c.SeriesCount));
    }

    [Fact]
    public async Task CollectAsync_UntouchedLabelledCollector_HasNoSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "route");

        await _registry.CollectAsync();

        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public async Task CollectAsync_Collectors_SortedByName()
    {
        _registry.CreateGauge("zeta", "Z.");
        _registry.CreateCounter("alpha_total", "A.");
        _registry.CreateHistogram("mid_seconds", "M.");

        var collected = await _registry.CollectAsync();

        Assert.Equal(["alpha_total", "mid_seconds", "zeta"], collected.Collectors.ToArray().Select(c => c.Name));
    }

    [Fact]
    public async Task CollectAsync_CallbackRegistersCollector_IncludedInSameCollect()
    {
        using var callback = _registry.AddCollectCallback(() => _registry.CreateGauge("late", "Late.").Set(1));

        var collected = await _registry.CollectAsync();

        Assert.Equal("late", Assert.Single(collected.Collectors.ToArray()).Name);
    }
}
