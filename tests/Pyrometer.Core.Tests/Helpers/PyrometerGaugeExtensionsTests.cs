namespace Pyrometer.Core.Tests;

public class PyrometerGaugeExtensionsTests
{
    private readonly MetricRegistry _registry = new();

    public static TheoryData<string> Gauges => ["gauge", "series"];

    [Theory]
    [MemberData(nameof(Gauges))]
    public void TrackInProgress_UsingBlock_UpDuringDownAfter(string kind)
    {
        var gauge = Create(kind);
        double during;

        using (gauge.TrackInProgress())
        {
            during = gauge.Value;
        }

        Assert.Equal(1, during);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void TrackInProgress_Nested_CountsEachLevel()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        using (gauge.TrackInProgress())
        {
            using (gauge.TrackInProgress())
            {
                Assert.Equal(2, gauge.Value);
            }

            Assert.Equal(1, gauge.Value);
        }

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Dispose_Twice_DecrementsOnce()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");
        gauge.Set(5);
        var tracker = gauge.TrackInProgress();

        tracker.Dispose();
        tracker.Dispose();

        Assert.Equal(5, gauge.Value);
    }

    [Fact]
    public void Dispose_DefaultTracker_NoFailure()
    {
        var tracker = default(InProgressTracker);

        tracker.Dispose();
    }

    [Theory]
    [MemberData(nameof(Gauges))]
    public void TrackInProgress_Action_UpDuringDownAfter(string kind)
    {
        var gauge = Create(kind);
        var during = double.NaN;

        gauge.TrackInProgress(() => during = gauge.Value);

        Assert.Equal(1, during);
        Assert.Equal(0, gauge.Value);
    }

    [Theory]
    [MemberData(nameof(Gauges))]
    public void TrackInProgress_ActionThrows_DownAfterAndRethrown(string kind)
    {
        var gauge = Create(kind);
        var failure = new InvalidOperationException();

        var thrown = Assert.Throws<InvalidOperationException>(() => gauge.TrackInProgress(() =>
        {
            Assert.Equal(1, gauge.Value);
            throw failure;
        }));

        Assert.Same(failure, thrown);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void TrackInProgress_Func_ReturnsResult()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        var during = gauge.TrackInProgress(() => gauge.Value);

        Assert.Equal(1, during);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void TrackInProgress_FuncThrows_DownAfter()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        Assert.Throws<FormatException>(() => gauge.TrackInProgress<int>(() => throw new FormatException()));

        Assert.Equal(0, gauge.Value);
    }

    [Theory]
    [MemberData(nameof(Gauges))]
    public async Task TrackInProgressAsync_Task_UpUntilCompletion(string kind)
    {
        var gauge = Create(kind);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tracked = gauge.TrackInProgressAsync(() => finish.Task);
        Assert.Equal(1, gauge.Value);
        finish.SetResult();
        await tracked;

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_TaskThrows_DownAfterAndRethrown()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tracked = gauge.TrackInProgressAsync(() => finish.Task);
        Assert.Equal(1, gauge.Value);
        finish.SetException(new IOException("gone"));
        var thrown = await Assert.ThrowsAsync<IOException>(() => tracked);

        Assert.Equal("gone", thrown.Message);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_AsyncLambdas_UpDuringAndDownAfter()
    {
        var gauge = _registry.CreateGauge("lambda_in_flight", "In flight.");
        double seen = 0;

        await gauge.TrackInProgressAsync(async () =>
        {
            await Task.Yield();
            seen = gauge.Value;
        });
        var result = await gauge.TrackInProgressAsync(async () =>
        {
            await Task.Yield();
            return gauge.Value;
        });

        Assert.Equal(1, seen);
        Assert.Equal(1, result);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_TaskOfT_ReturnsResult()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        async Task<double> Work()
        {
            await Task.Yield();
            return gauge.Value;
        }

        var during = await gauge.TrackInProgressAsync(Work);

        Assert.Equal(1, during);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_TaskOfTThrows_DownAfter()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        async Task<int> Work()
        {
            await Task.Yield();
            throw new InvalidOperationException();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => gauge.TrackInProgressAsync(Work));

        Assert.Equal(0, gauge.Value);
    }

    [Theory]
    [MemberData(nameof(Gauges))]
    public async Task TrackInProgressAsync_ValueTask_UpUntilCompletion(string kind)
    {
        var gauge = Create(kind);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async ValueTask Work() => await finish.Task;

        var tracked = gauge.TrackInProgressAsync(Work);
        Assert.Equal(1, gauge.Value);
        finish.SetResult();
        await tracked;

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_ValueTaskThrows_DownAfter()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        async ValueTask Work()
        {
            await Task.Yield();
            throw new TimeoutException();
        }

        await Assert.ThrowsAsync<TimeoutException>(async () => await gauge.TrackInProgressAsync(Work));

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_ValueTaskOfT_ReturnsResultAndDownOnThrow()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        async ValueTask<double> Work()
        {
            await Task.Yield();
            return gauge.Value;
        }

        async ValueTask<double> Fail()
        {
            await Task.Yield();
            throw new ArithmeticException();
        }

        var during = await gauge.TrackInProgressAsync(Work);
        await Assert.ThrowsAsync<ArithmeticException>(async () => await gauge.TrackInProgressAsync(Fail));

        Assert.Equal(1, during);
        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public async Task TrackInProgressAsync_ManyConcurrent_PeakThenZero()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var tracked = Enumerable.Range(0, 10).Select(_ => gauge.TrackInProgressAsync(() => finish.Task)).ToArray();
        Assert.Equal(10, gauge.Value);
        finish.SetResult();
        await Task.WhenAll(tracked);

        Assert.Equal(0, gauge.Value);
    }

    [Fact]
    public void Helpers_NullArguments_Throw()
    {
        var gauge = _registry.CreateGauge("in_flight", "In flight.");

        Assert.Throws<ArgumentNullException>(() => ((IGauge)null!).TrackInProgress());
        Assert.Throws<ArgumentNullException>(() => gauge.TrackInProgress((Action)null!));
        Assert.Equal(0, gauge.Value);
    }

    private IGauge Create(string kind) => kind == "gauge"
        ? _registry.CreateGauge("in_flight", "In flight.")
        : _registry.CreateGauge("in_flight", "In flight.", "queue").WithLabels("q1");
}
