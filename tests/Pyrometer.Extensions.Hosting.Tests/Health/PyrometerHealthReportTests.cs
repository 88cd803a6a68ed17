using Pyrometer.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Tests.Health;

public class PyrometerHealthReportTests
{
    [Theory]
    [InlineData(0, 3, true)]
    [InlineData(2, 3, true)]
    [InlineData(3, 3, false)]
    [InlineData(7, 3, false)]
    [InlineData(1, 1, false)]
    public void FromConsecutiveFailures_Count_UnhealthyFromTheThreshold(int failures, int threshold, bool healthy)
    {
        var report = PyrometerHealthReport.FromConsecutiveFailures(failures, threshold);

        Assert.Equal(healthy, report.IsHealthy);
        Assert.Equal($"{failures} consecutive failures (unhealthy from {threshold}).", report.Description);
    }

    [Theory]
    [InlineData(-1, 3, "consecutiveFailures")]
    [InlineData(0, 0, "unhealthyAfter")]
    public void FromConsecutiveFailures_OutOfRange_ThrowsNamingTheArgument(int failures, int threshold, string parameter)
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => PyrometerHealthReport.FromConsecutiveFailures(failures, threshold));

        Assert.Equal(parameter, failure.ParamName);
    }

    [Fact]
    public void HealthyAndUnhealthy_Description_Kept()
    {
        Assert.True(PyrometerHealthReport.Healthy("ok").IsHealthy);
        Assert.Equal("down", PyrometerHealthReport.Unhealthy("down").Description);
        Assert.Throws<ArgumentNullException>(() => PyrometerHealthReport.Unhealthy(null!));
    }
}
