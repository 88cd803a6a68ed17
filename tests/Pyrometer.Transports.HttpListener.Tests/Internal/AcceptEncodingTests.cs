using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener.Tests.Internal;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("GZIP", true)]
    [InlineData("x-gzip", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("gzip ; q=1.0", true)]
    [InlineData("*", true)]
    [InlineData("br, *;q=0.1", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip;q=0.000", false)]
    [InlineData("*, gzip;q=0", false)]
    [InlineData("*;q=0", false)]
    [InlineData("identity", false)]
    [InlineData("deflate, br", false)]
    [InlineData("gzip;q=abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AllowsGzip_Header_DecidesByGzipThenWildcard(string? header, bool expected)
    {
        Assert.Equal(expected, AcceptEncoding.AllowsGzip(header));
    }
}
