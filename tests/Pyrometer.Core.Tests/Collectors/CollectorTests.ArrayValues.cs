namespace Pyrometer.Core.Tests;

// The params string[] overloads serve callers on C# 12 or earlier; C# 13 callers must keep binding to the
// allocation-free params ReadOnlySpan<string> overloads.
public partial class CollectorTests
{
    [Fact]
    public void WithLabels_ArrayOfValues_ReturnsTheSeriesOfTheSameSeparateValues()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");
        var bySpan = counter.WithLabels("GET", "200");

        var byArray = counter.WithLabels(new[] { "GET", "200" });

        Assert.Same(bySpan, byArray);
        Assert.Equal(1, counter.SeriesCount);
    }

    [Fact]
    public void WithLabels_NullArray_ThrowsArgumentNullExceptionNamingLabelValues()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method");

        var ex = Assert.Throws<ArgumentNullException>(() => counter.WithLabels((string[])null!));

        Assert.Equal("labelValues", ex.ParamName);
    }

    [Fact]
    public void WithLabels_ArrayOfWrongLength_ThrowsArgumentExceptionNamingLabelValues()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels(new[] { "GET" }));

        Assert.Equal("labelValues", ex.ParamName);
    }

    [Fact]
    public void RemoveLabels_ArrayOfValues_RemovesTheSeries()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");
        counter.WithLabels("GET", "200").Inc();

        Assert.True(counter.RemoveLabels(new[] { "GET", "200" }));
        Assert.False(counter.RemoveLabels(new[] { "GET", "200" }));
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void RemoveLabels_NullArray_ThrowsArgumentNullExceptionNamingLabelValues()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method");

        var ex = Assert.Throws<ArgumentNullException>(() => counter.RemoveLabels((string[])null!));

        Assert.Equal("labelValues", ex.ParamName);
    }

    [Fact]
    public void WithLabels_SeparateValuesOfAnExistingSeries_AllocatesNothing()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");
        counter.WithLabels("GET", "200").Inc();

        // Separate values bind to the span overload (the array overload would allocate a 2-element array per call).
        Assert.Equal(0, LeastAllocatedByThousandCalls(() => counter.WithLabels("GET", "200").Inc()));
    }

    [Fact]
    public void RemoveLabels_SeparateValuesOfNoSeries_AllocatesNothing()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", "method", "code");

        Assert.Equal(0, LeastAllocatedByThousandCalls(() => counter.RemoveLabels("GET", "200")));
    }

    /// <summary>The fewest bytes a thousand calls allocated over five tries (the first may still be JIT-compiling).</summary>
    private static long LeastAllocatedByThousandCalls(Action call)
    {
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                call();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
