using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public class MetricNamesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("http_requests_total", true)]
    [InlineData("_x", true)]
    [InlineData(":x:y", true)]
    [InlineData("x9", true)]
    [InlineData("", false)]
    [InlineData("9x", false)]
    [InlineData("a-b", false)]
    [InlineData("a.b", false)]
    [InlineData("a b", false)]
    [InlineData("ä", false)]
    public void IsValidMetricName_Name_MatchesLegacyCharset(string name, bool valid)
    {
        Assert.Equal(valid, MetricNames.IsValidMetricName(name));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("_a", true)]
    [InlineData("A_9", true)]
    [InlineData("", false)]
    [InlineData("9a", false)]
    [InlineData("a:b", false)]
    [InlineData("a-b", false)]
    [InlineData("é", false)]
    public void IsValidLabelName_Name_MatchesLegacyCharset(string name, bool valid)
    {
        Assert.Equal(valid, MetricNames.IsValidLabelName(name));
    }

    [Theory]
    [InlineData("__name__")]
    [InlineData("__x")]
    public void ValidateLabelName_DoubleUnderscorePrefix_ThrowsAsReserved(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => MetricNames.ValidateLabelName(name, "label"));

        Assert.Contains($"'{name}'", ex.Message);
        Assert.Contains("reserved", ex.Message);
        Assert.Equal("label", ex.ParamName);
    }

    [Fact]
    public void ValidateLabelName_SingleUnderscorePrefix_Accepted()
    {
        MetricNames.ValidateLabelName("_x", "label");
        MetricNames.ValidateLabelName("x__y", "label");
    }

    [Fact]
    public void ValidateMetricName_Invalid_ThrowsNamingValueAndParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => MetricNames.ValidateMetricName("bad-name", "metric"));

        Assert.Contains("'bad-name'", ex.Message);
        Assert.Equal("metric", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void ValidateHelp_EmptyOrWhitespace_Throws(string help)
    {
        var ex = Assert.Throws<ArgumentException>(() => MetricNames.ValidateHelp(help, nameof(help)));

        Assert.Equal("help", ex.ParamName);
    }
}
