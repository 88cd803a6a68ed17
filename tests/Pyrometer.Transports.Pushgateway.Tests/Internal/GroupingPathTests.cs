using Pyrometer.Transports.Pushgateway.Internal;

namespace Pyrometer.Transports.Pushgateway.Tests.Internal;

public class GroupingPathTests
{
    [Theory]
    [InlineData("a/b", "/instance@base64/YS9i")]
    [InlineData("/~~~", "/instance@base64/L35-fg==")]
    [InlineData("", "/instance@base64/=")]
    [InlineData("two words", "/instance/two%20words")]
    [InlineData("a+b", "/instance/a%2Bb")]
    [InlineData("100%", "/instance/100%25")]
    [InlineData("zürich", "/instance/z%C3%BCrich")]
    [InlineData("日本", "/instance/%E6%97%A5%E6%9C%AC")]
    [InlineData("a=b", "/instance/a%3Db")]
    [InlineData("plain-value_1.0~", "/instance/plain-value_1.0~")]
    public void Build_LabelValue_EncodedAsThePushgatewayDecodes(string value, string expected)
    {
        var path = GroupingPath.Build("batch", [new("instance", value)]);

        Assert.Equal("metrics/job/batch" + expected, path);
    }

    [Fact]
    public void Build_JobWithSlash_UsesBase64ForTheJob()
    {
        Assert.Equal("metrics/job@base64/bXkvam9i", GroupingPath.Build("my/job", []));
    }

    [Fact]
    public void Build_SeveralLabels_SortedByName()
    {
        var path = GroupingPath.Build("j", [new("zone", "z"), new("app", "a")]);

        Assert.Equal("metrics/job/j/app/a/zone/z", path);
    }
}
