using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pyrometer.Transports.Kestrel.Tests.Shared;

public sealed class ScrapeCredentialsTests
{
    private static ScrapeCredentials Credentials(string? user, string? password, string? token) =>
        ScrapeCredentials.From(new ScrapeSettingsBuilder("Options") { BasicAuthUsername = user, BasicAuthPassword = password, BearerToken = token }, NullLogger.Instance)!;

    private static string Basic(string pair) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

    [Theory]
    [InlineData("prom:s3cret", true)]
    [InlineData("prom:s3cre", false)]
    [InlineData("prom:s3cretx", false)]
    [InlineData("Prom:s3cret", false)]
    [InlineData("prom:", false)]
    [InlineData("prom:päss", false)]
    public void Accepts_BasicCredentials_OnlyTheExactPair(string pair, bool expected)
    {
        Assert.Equal(expected, Credentials("prom", "s3cret", null).Accepts(Basic(pair), out var reason));
        Assert.Equal(expected, reason is null);
    }

    [Fact]
    public void Accepts_NonAsciiPassword_ComparesItsUtf8Bytes()
    {
        Assert.True(Credentials("prom", "päss", null).Accepts(Basic("prom:päss"), out _));
    }

    [Theory]
    [InlineData("Basic !!notbase64", "wrong basic-auth user name or password")]
    [InlineData("Bearer tok", "unaccepted authorization scheme 'Bearer'")]
    [InlineData("", "no Authorization header")]
    public void Accepts_Refused_SaysWhy(string header, string expected)
    {
        Assert.False(Credentials("prom", "s3cret", null).Accepts(header, out var reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("Bearer tok", true)]
    [InlineData("bearer tok", true)]
    [InlineData("Bearer tok2", false)]
    [InlineData("Bearer to", false)]
    public void Accepts_BearerToken_OnlyTheExactToken(string header, bool expected)
    {
        Assert.Equal(expected, Credentials(null, null, "tok").Accepts(header, out _));
    }

    [Fact]
    public void From_NoCredentials_ReturnsNull()
    {
        Assert.Null(ScrapeCredentials.From(new ScrapeSettingsBuilder("Options"), NullLogger.Instance));
    }

    [Theory]
    [InlineData("prom", null, null, "Options.BasicAuthUsername and Options.BasicAuthPassword must be set together")]
    [InlineData("pr:om", "x", null, "Options.BasicAuthUsername must be non-empty and contain no ':'")]
    [InlineData(null, null, " tok", "Options.BearerToken must be non-empty")]
    public void From_InvalidCredentials_ThrowsNamingTheOption(string? user, string? password, string? token, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Credentials(user, password, token));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void AreEqual_SameAndDifferentBytes_ComparesAll()
    {
        Assert.True(ConstantTime.AreEqual([1, 2, 3], [1, 2, 3]));
        Assert.False(ConstantTime.AreEqual([1, 2, 3], [1, 2, 4]));
        Assert.False(ConstantTime.AreEqual([1, 2, 3], [1, 2]));
    }
}
