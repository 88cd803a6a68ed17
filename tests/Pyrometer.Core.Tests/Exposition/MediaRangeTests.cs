using Pyrometer.Exposition;

namespace Pyrometer.Core.Tests.Exposition;

public class MediaRangeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseAcceptHeader_Missing_Empty(string? header)
    {
        Assert.Empty(MediaRange.ParseAcceptHeader(header));
    }

    [Fact]
    public void ParseAcceptHeader_SingleType_TypeSubtypeAndDefaultQuality()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("text/plain"));

        Assert.Equal("text", range.Type);
        Assert.Equal("plain", range.Subtype);
        Assert.Equal(1.0, range.Quality);
        Assert.Empty(range.Parameters);
        Assert.False(range.IsWildcard);
    }

    [Fact]
    public void ParseAcceptHeader_SpacesAnywhere_Tolerated()
    {
        var ranges = MediaRange.ParseAcceptHeader("  text/plain ;  version = 0.0.4 ; q = 0.5 ,application/openmetrics-text;version=1.0.0  ");

        Assert.Equal(2, ranges.Count);
        Assert.Equal("plain", ranges[0].Subtype);
        Assert.Equal("0.0.4", ranges[0].GetParameter("version"));
        Assert.Equal(0.5, ranges[0].Quality);
        Assert.Equal("openmetrics-text", ranges[1].Subtype);
        Assert.Equal("1.0.0", ranges[1].GetParameter("version"));
        Assert.Equal(1.0, ranges[1].Quality);
    }

    [Fact]
    public void ParseAcceptHeader_UpperCase_TypeAndParameterNamesLowered()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("Application/OpenMetrics-Text; VERSION=1.0.0; Q=0.3"));

        Assert.Equal("application", range.Type);
        Assert.Equal("openmetrics-text", range.Subtype);
        Assert.Equal(new KeyValuePair<string, string>("version", "1.0.0"), Assert.Single(range.Parameters));
        Assert.Equal("1.0.0", range.GetParameter("Version"));
        Assert.Equal(0.3, range.Quality);
    }

    [Fact]
    public void ParseAcceptHeader_QuotedValuesWithSeparators_KeptWhole()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("text/plain; note=\"a,b;c\"; version=\"0.0.4\""));

        Assert.Equal("a,b;c", range.GetParameter("note"));
        Assert.Equal("0.0.4", range.GetParameter("version"));
    }

    [Fact]
    public void ParseAcceptHeader_RepeatedParameter_FirstWins()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("text/plain;escaping=allow-utf-8;version=1.0.0;escaping=underscores"));

        Assert.Equal("allow-utf-8", range.GetParameter("escaping"));
        Assert.Equal(3, range.Parameters.Count);
        Assert.Null(range.GetParameter("charset"));
    }

    [Fact]
    public void ParseAcceptHeader_PrometheusThreeHeader_AllEntriesInOrder()
    {
        const string Header = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,"
            + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

        var ranges = MediaRange.ParseAcceptHeader(Header);

        Assert.Equal([0.6, 0.5, 0.4, 0.3, 0.2], ranges.Select(r => r.Quality));
        Assert.Equal(["1.0.0", "0.0.1", "1.0.0", "0.0.4", null], ranges.Select(r => r.GetParameter("version")));
        Assert.True(ranges[4].IsWildcard);
        Assert.Equal("allow-utf-8", ranges[2].GetParameter("escaping"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("/plain")]
    [InlineData("text/")]
    [InlineData("*/plain")]
    [InlineData("text/plain;q=abc")]
    [InlineData("text/plain;q=1.5")]
    [InlineData("text/plain;q=-0.1")]
    [InlineData("text/plain;q=NaN")]
    [InlineData(",,,")]
    public void ParseAcceptHeader_MalformedEntry_Skipped(string header)
    {
        var ranges = MediaRange.ParseAcceptHeader(header + ",application/json");

        Assert.Equal("json", Assert.Single(ranges).Subtype);
    }

    [Fact]
    public void ParseAcceptHeader_ParameterWithoutValue_Ignored()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("text/plain; flag; version=0.0.4; other"));

        Assert.Equal(new KeyValuePair<string, string>("version", "0.0.4"), Assert.Single(range.Parameters));
    }

    [Fact]
    public void ParseAcceptHeader_ZeroQuality_KeptWithZero()
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader("text/plain;q=0"));

        Assert.Equal(0, range.Quality);
    }

    [Theory]
    [InlineData("*/*", "text/plain", true)]
    [InlineData("text/*", "text/plain", true)]
    [InlineData("text/*", "application/json", false)]
    [InlineData("text/plain", "TEXT/Plain", true)]
    [InlineData("text/plain", "text/html", false)]
    [InlineData("application/openmetrics-text", "application/openmetrics-text", true)]
    public void Covers_MediaType_MatchesExactlyOrByWildcard(string header, string mediaType, bool covers)
    {
        var range = Assert.Single(MediaRange.ParseAcceptHeader(header));

        Assert.Equal(covers, range.Covers(mediaType));
    }
}
