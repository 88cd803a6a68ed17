namespace Pyrometer.Core.Tests;

public class PyrometerCounterExtensionsTests
{
    private readonly MetricRegistry _registry = new();

    public static TheoryData<string> Counters => ["counter", "series"];

    [Theory]
    [MemberData(nameof(Counters))]
    public void CountExceptions_NoException_NotCounted(string kind)
    {
        var counter = Create(kind);
        var ran = false;

        counter.CountExceptions(() => ran = true);

        Assert.True(ran);
        Assert.Equal(0, counter.Value);
    }

    [Theory]
    [MemberData(nameof(Counters))]
    public void CountExceptions_Throws_CountedAndSameExceptionRethrown(string kind)
    {
        var counter = Create(kind);
        var failure = new InvalidOperationException("boom");

        var thrown = Assert.Throws<InvalidOperationException>(() => counter.CountExceptions(() => throw failure));

        Assert.Same(failure, thrown);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void CountExceptions_RepeatedFailures_CountsEach()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        for (var i = 0; i < 3; i++)
        {
            Assert.Throws<InvalidOperationException>(() => counter.CountExceptions(() => throw new InvalidOperationException()));
        }

        counter.CountExceptions(() => { });
        Assert.Equal(3, counter.Value);
    }

    [Fact]
    public void CountExceptions_FilterByType_CountsOnlyMatchingButRethrowsAll()
    {
        var counter = _registry.CreateCounter("io_errors_total", "I/O errors.");

        Assert.Throws<IOException>(() => counter.CountExceptions(() => throw new IOException(), ex => ex is IOException));
        Assert.Throws<FileNotFoundException>(() => counter.CountExceptions(() => throw new FileNotFoundException(), ex => ex is IOException));
        Assert.Throws<ArgumentException>(() => counter.CountExceptions(() => throw new ArgumentException(), ex => ex is IOException));

        Assert.Equal(2, counter.Value);
    }

    [Fact]
    public void CountExceptions_Func_ReturnsResultOrCounts()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        var result = counter.CountExceptions(() => 7);
        Assert.Throws<FormatException>(() => counter.CountExceptions<int>(() => throw new FormatException()));
        Assert.Throws<FormatException>(() => counter.CountExceptions<int>(() => throw new FormatException(), ex => ex is IOException));

        Assert.Equal(7, result);
        Assert.Equal(1, counter.Value);
    }

    [Theory]
    [MemberData(nameof(Counters))]
    public async Task CountExceptionsAsync_TaskThrowsAfterAwait_CountedAndRethrown(string kind)
    {
        var counter = Create(kind);

        async Task Work()
        {
            await Task.Yield();
            throw new TimeoutException("slow");
        }

        async Task Fine() => await Task.Yield();

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => counter.CountExceptionsAsync(Work));
        await counter.CountExceptionsAsync(Fine);

        Assert.Equal("slow", thrown.Message);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_AsyncLambdas_CountAndRethrow()
    {
        var counter = new MetricRegistry().CreateCounter("lambda_failures_total", "Failures.");

        await Assert.ThrowsAsync<TimeoutException>(() => counter.CountExceptionsAsync(async () =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }));
        var result = await counter.CountExceptionsAsync(async () =>
        {
            await Task.Yield();
            return 7;
        });

        Assert.Equal(7, result);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_TaskWithFilter_CountsOnlyMatching()
    {
        var counter = _registry.CreateCounter("timeouts_total", "Timeouts.");

        await Assert.ThrowsAsync<TimeoutException>(() => counter.CountExceptionsAsync(() => Task.FromException(new TimeoutException()), ex => ex is TimeoutException));
        await Assert.ThrowsAsync<IOException>(() => counter.CountExceptionsAsync(() => Task.FromException(new IOException()), ex => ex is TimeoutException));

        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_TaskOfT_ReturnsResultOrCounts()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        async Task<int> Work()
        {
            await Task.Yield();
            return 5;
        }

        async Task<int> Fail()
        {
            await Task.Yield();
            throw new InvalidOperationException();
        }

        var result = await counter.CountExceptionsAsync(Work);
        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.CountExceptionsAsync(Fail));

        Assert.Equal(5, result);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_ValueTask_CountsAndRethrows()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        async ValueTask Work()
        {
            await Task.Yield();
            throw new IOException();
        }

        async ValueTask Fine() => await Task.Yield();

        await Assert.ThrowsAsync<IOException>(async () => await counter.CountExceptionsAsync(Work));
        await counter.CountExceptionsAsync(Fine);
        await Assert.ThrowsAsync<IOException>(async () => await counter.CountExceptionsAsync(Work, ex => ex is TimeoutException));

        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public async Task CountExceptionsAsync_ValueTaskOfT_ReturnsResultOrCounts()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        async ValueTask<string> Work()
        {
            await Task.Yield();
            return "ok";
        }

        async ValueTask<string> Fail()
        {
            await Task.Yield();
            throw new KeyNotFoundException();
        }

        var result = await counter.CountExceptionsAsync(Work);
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await counter.CountExceptionsAsync(Fail));

        Assert.Equal("ok", result);
        Assert.Equal(1, counter.Value);
    }

    [Fact]
    public void CountExceptions_NullArguments_Throw()
    {
        var counter = _registry.CreateCounter("errors_total", "Errors.");

        Assert.Throws<ArgumentNullException>(() => ((ICounter)null!).CountExceptions(() => { }));
        Assert.Throws<ArgumentNullException>(() => counter.CountExceptions((Action)null!));
        Assert.Equal(0, counter.Value);
    }

    private ICounter Create(string kind) => kind == "counter"
        ? _registry.CreateCounter("errors_total", "Errors.")
        : _registry.CreateCounter("errors_total", "Errors.", "operation").WithLabels("save");
}
