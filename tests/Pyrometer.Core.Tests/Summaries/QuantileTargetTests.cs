namespace Pyrometer.Core.Tests;

public class QuantileTargetTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_QuantileOutOfRange_Throws(double quantile)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileTarget(quantile, 0.01));

        Assert.Equal("quantile", ex.ParamName);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_ErrorOutOfRange_Throws(double error)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new QuantileTarget(0.5, error));

        Assert.Equal("error", ex.ParamName);
    }

    [Fact]
    public void Equality_SameValues_Equal()
    {
        Assert.Equal(new QuantileTarget(0.9, 0.01), new QuantileTarget(0.9, 0.01));
        Assert.NotEqual(new QuantileTarget(0.9, 0.01), new QuantileTarget(0.9, 0.02));
    }

    [Fact]
    public void Defaults_AreMedianNinetiethAndNinetyNinth()
    {
        Assert.Equal([new(0.5, 0.05), new(0.9, 0.01), new QuantileTarget(0.99, 0.001)], QuantileTarget.Defaults);
    }
}
