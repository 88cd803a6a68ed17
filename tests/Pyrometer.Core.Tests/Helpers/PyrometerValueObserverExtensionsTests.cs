using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.Core.Tests;

public class PyrometerValueObserverExtensionsTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly MetricRegistry _registry;

    public PyrometerValueObserverExtensionsTests()
    {
        _registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = _time });
    }

    public static TheoryData<string> Observers => ["histogram", "histogram series", "summary", "summary series"];

    [Theory]
    [MemberData(nameof(Observers))]
    public void StartTimer_UsingBlock_ObservesElapsedSecondsOnce(string kind)
    {
        var observer = Create(kind);

        using (observer.StartTimer())
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal((1, 0.25), Read(observer));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public void StartTimer_BlockThrows_ObservedAndExceptionPropagates(string kind)
    {
        var observer = Create(kind);
        var failure = new InvalidOperationException("boom");

        void Timed()
        {
            using (observer.StartTimer())
            {
                _time.Advance(TimeSpan.FromSeconds(1.5));
                throw failure;
            }
        }

        var thrown = Assert.Throws<InvalidOperationException>(Timed);

        Assert.Same(failure, thrown);
        Assert.Equal((1, 1.5), Read(observer));
    }

    [Fact]
    public void ObserveDuration_CalledTwiceThenDisposed_ObservesFirstElapsedOnly()
    {
        var histogram = _registry.CreateHistogram("job_seconds", "Job.");
        var timer = histogram.StartTimer();

        _time.Advance(TimeSpan.FromSeconds(1));
        var first = timer.ObserveDuration();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = timer.ObserveDuration();
        timer.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(1), first);
        Assert.Equal(TimeSpan.FromSeconds(2), second);
        Assert.Equal((1, 1.0), Read(histogram));
    }

    [Fact]
    public void ObserveDuration_DefaultTimer_ZeroAndNoFailure()
    {
        var timer = default(MetricTimer);

        Assert.Equal(TimeSpan.Zero, timer.ObserveDuration());
        timer.Dispose();
    }

    [Fact]
    public void StartTimer_Histogram_DurationLandsInBucket()
    {
        var histogram = _registry.CreateHistogram("request_seconds", "Requests.", new HistogramOptions { Buckets = [0.1, 0.25, 1] });

        using (histogram.StartTimer())
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var cumulative = new long[4];
        histogram.WithLabels().CopyCumulativeCounts(cumulative, out _);
        Assert.Equal([0, 1, 1, 1], cumulative);
    }

    [Fact]
    public void StartTimer_CollectorClock_OverridesRegistryClock()
    {
        var own = new FakeTimeProvider();
        var summary = _registry.CreateSummary("own_clock_seconds", "Own clock.", new SummaryOptions { TimeProvider = own });

        using (summary.StartTimer())
        {
            own.Advance(TimeSpan.FromSeconds(3));
            _time.Advance(TimeSpan.FromSeconds(100));
        }

        Assert.Equal((1, 3.0), Read(summary));
    }

    [Fact]
    public void StartTimer_ObserverOutsideCollectors_UsesSystemClock()
    {
        var observer = new RecordingObserver();

        using (observer.StartTimer())
        {
        }

        var value = Assert.Single(observer.Values);
        Assert.InRange(value, 0, 60);
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public void Time_Action_ObservesDuration(string kind)
    {
        var observer = Create(kind);
        var ran = false;

        observer.Time(() =>
        {
            ran = true;
            _time.Advance(TimeSpan.FromSeconds(2));
        });

        Assert.True(ran);
        Assert.Equal((1, 2.0), Read(observer));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public void Time_ActionThrows_ObservedAndRethrown(string kind)
    {
        var observer = Create(kind);
        var failure = new TimeoutException();

        var thrown = Assert.Throws<TimeoutException>(() => observer.Time(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(4));
            throw failure;
        }));

        Assert.Same(failure, thrown);
        Assert.Equal((1, 4.0), Read(observer));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public void Time_Func_ReturnsResultAndObserves(string kind)
    {
        var observer = Create(kind);

        var result = observer.Time(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(0.5));
            return "done";
        });

        Assert.Equal("done", result);
        Assert.Equal((1, 0.5), Read(observer));
    }

    [Fact]
    public void Time_FuncThrows_ObservedAndRethrown()
    {
        var histogram = _registry.CreateHistogram("job_seconds", "Job.");

        Assert.Throws<FormatException>(() => histogram.Time<int>(() =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            throw new FormatException();
        }));

        Assert.Equal((1, 1.0), Read(histogram));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public async Task TimeAsync_Task_ObservesUntilCompletion(string kind)
    {
        var observer = Create(kind);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var timed = observer.TimeAsync(() => finish.Task);
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(0, Read(observer).Count);
        finish.SetResult();
        await timed;

        Assert.Equal((1, 3.0), Read(observer));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public async Task TimeAsync_TaskThrowsAfterAwait_ObservedAndRethrown(string kind)
    {
        var observer = Create(kind);

        async Task Work()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(1.25));
            throw new IOException("disk");
        }

        var thrown = await Assert.ThrowsAsync<IOException>(() => observer.TimeAsync(Work));

        Assert.Equal("disk", thrown.Message);
        Assert.Equal((1, 1.25), Read(observer));
    }

    [Fact]
    public async Task TimeAsync_AsyncLambdas_BindToTaskOverloadsAndObserve()
    {
        var histogram = _registry.CreateHistogram("lambda_seconds", "Lambda.");

        await histogram.TimeAsync(async () =>
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(1));
        });
        var result = await histogram.TimeAsync(async () =>
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(2));
            return "done";
        });

        Assert.Equal("done", result);
        Assert.Equal((2, 3.0), Read(histogram));
    }

    [Fact]
    public async Task TimeAsync_TaskOfT_ReturnsResultAndObserves()
    {
        var summary = _registry.CreateSummary("query_seconds", "Query.");

        async Task<int> Query()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(2));
            return 42;
        }

        var result = await summary.TimeAsync(Query);

        Assert.Equal(42, result);
        Assert.Equal((1, 2.0), Read(summary));
    }

    [Fact]
    public async Task TimeAsync_TaskOfTThrows_ObservedAndRethrown()
    {
        var histogram = _registry.CreateHistogram("query_seconds", "Query.");

        async Task<int> Query()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(0.75));
            throw new InvalidOperationException();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => histogram.TimeAsync(Query));

        Assert.Equal((1, 0.75), Read(histogram));
    }

    [Theory]
    [MemberData(nameof(Observers))]
    public async Task TimeAsync_ValueTask_ObservesUntilCompletion(string kind)
    {
        var observer = Create(kind);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async ValueTask Work() => await finish.Task;

        var timed = observer.TimeAsync(Work);
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0, Read(observer).Count);
        finish.SetResult();
        await timed;

        Assert.Equal((1, 6.0), Read(observer));
    }

    [Fact]
    public async Task TimeAsync_ValueTaskThrows_ObservedAndRethrown()
    {
        var summary = _registry.CreateSummary("job_seconds", "Job.");

        async ValueTask Work()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(1));
            throw new ArithmeticException();
        }

        await Assert.ThrowsAsync<ArithmeticException>(async () => await summary.TimeAsync(Work));

        Assert.Equal((1, 1.0), Read(summary));
    }

    [Fact]
    public async Task TimeAsync_ValueTaskOfT_ReturnsResultAndObserves()
    {
        var histogram = _registry.CreateHistogram("job_seconds", "Job.");

        async ValueTask<string> Work()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(0.1));
            return "ok";
        }

        var result = await histogram.TimeAsync(Work);

        Assert.Equal("ok", result);
        Assert.Equal((1, 0.1), Read(histogram));
    }

    [Fact]
    public async Task TimeAsync_ValueTaskOfTThrows_ObservedAndRethrown()
    {
        var summary = _registry.CreateSummary("job_seconds", "Job.");

        async ValueTask<string> Work()
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(8));
            throw new KeyNotFoundException();
        }

        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await summary.TimeAsync(Work));

        Assert.Equal((1, 8.0), Read(summary));
    }

    [Fact]
    public void Helpers_NullArguments_Throw()
    {
        var histogram = _registry.CreateHistogram("job_seconds", "Job.");

        Assert.Throws<ArgumentNullException>(() => ((IValueObserver)null!).StartTimer());
        Assert.Throws<ArgumentNullException>(() => histogram.Time((Action)null!));
        Assert.Throws<ArgumentNullException>(() => histogram.Time((Func<int>)null!));
        Assert.Equal(0, Read(histogram).Count);
    }

    private static (long Count, double Sum) Read(IValueObserver observer) => observer switch
    {
        Histogram h => (h.WithLabels().Count, h.WithLabels().Sum),
        HistogramSeries s => (s.Count, s.Sum),
        Summary s => (s.WithLabels().Count, s.WithLabels().Sum),
        SummarySeries s => (s.Count, s.Sum),
        _ => throw new ArgumentOutOfRangeException(nameof(observer)),
    };

    private IValueObserver Create(string kind) => kind switch
    {
        "histogram" => _registry.CreateHistogram("timed_seconds", "Timed."),
        "histogram series" => _registry.CreateHistogram("timed_seconds", "Timed.", "route").WithLabels("/"),
        "summary" => _registry.CreateSummary("timed_seconds", "Timed."),
        "summary series" => _registry.CreateSummary("timed_seconds", "Timed.", "route").WithLabels("/"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed class RecordingObserver : IValueObserver
    {
        public List<double> Values { get; } = [];

        public void Observe(double value) => Values.Add(value);
    }
}
