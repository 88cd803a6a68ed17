namespace Pyrometer.Core.Tests;

public class BucketsTests
{
    [Fact]
    public void Default_IsThePrometheusLatencyLayout()
    {
        Assert.Equal([.005, .01, .025, .05, .075, .1, .25, .5, .75, 1, 2.5, 5, 7.5, 10], Buckets.Default);
    }

    [Fact]
    public void Linear_ValidArguments_StepsByWidth()
    {
        Assert.Equal([1.0, 3.0, 5.0, 7.0], Buckets.Linear(1, 2, 4));
        Assert.Equal([-1.0, -0.5, 0.0], Buckets.Linear(-1, 0.5, 3));
        Assert.Equal([5.0], Buckets.Linear(5, 1, 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Linear_CountBelowOne_Throws(int count)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Buckets.Linear(0, 1, count));

        Assert.Equal("count", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Linear_WidthNotPositiveAndFinite_Throws(double width)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Buckets.Linear(0, width, 3));

        Assert.Equal("width", ex.ParamName);
    }

    [Fact]
    public void Exponential_ValidArguments_MultipliesByFactor()
    {
        Assert.Equal([1.0, 2.0, 4.0, 8.0], Buckets.Exponential(1, 2, 4));
        Assert.Equal([0.5, 5.0, 50.0], Buckets.Exponential(0.5, 10, 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Exponential_CountBelowOne_Throws(int count)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Buckets.Exponential(1, 2, count));

        Assert.Equal("count", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Exponential_StartNotPositiveAndFinite_Throws(double start)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Buckets.Exponential(start, 2, 3));

        Assert.Equal("start", ex.ParamName);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Exponential_FactorNotAboveOneAndFinite_Throws(double factor)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Buckets.Exponential(1, factor, 3));

        Assert.Equal("factor", ex.ParamName);
    }

    [Fact]
    public void LinearAndExponential_UsedAsHistogramBuckets_AreAccepted()
    {
        var registry = new MetricRegistry();

        var linear = registry.CreateHistogram("linear", "Linear.", new HistogramOptions { Buckets = Buckets.Linear(0, 10, 5) });
        var exponential = registry.CreateHistogram("exponential", "Exponential.", new HistogramOptions { Buckets = Buckets.Exponential(0.001, 4, 10) });

        Assert.Equal(6, linear.UpperBounds.Count);
        Assert.Equal(11, exponential.UpperBounds.Count);
    }
}
