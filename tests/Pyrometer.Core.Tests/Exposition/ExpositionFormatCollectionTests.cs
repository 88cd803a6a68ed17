using Pyrometer.Exposition;

namespace Pyrometer.Core.Tests.Exposition;

public class ExpositionFormatCollectionTests
{
    private readonly FakeExpositionFormat _text = new("text", "text/plain", "0.0.4");
    private readonly FakeExpositionFormat _openMetrics = new("openmetrics", "application/openmetrics-text", "1.0.0", quality: 0.9);
    private readonly FakeExpositionFormat _protobuf = new("protobuf", "application/vnd.google.protobuf", quality: 0.5);
    private readonly ExpositionFormatCollection _formats = [];

    public ExpositionFormatCollectionTests()
    {
        _formats.Add(_text).Add(_openMetrics).Add(_protobuf);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*/*")]
    [InlineData("*/*;q=0.1")]
    [InlineData("garbage")]
    [InlineData(";;;,,,")]
    [InlineData("text/html")]
    [InlineData("text/plain;version=9.9.9")]
    public void Negotiate_NothingSpecificAcceptable_Fallback(string? header)
    {
        Assert.Same(_text, _formats.Negotiate(header));
    }

    [Theory]
    [InlineData("application/openmetrics-text", "openmetrics")]
    [InlineData("application/openmetrics-text; version=1.0.0", "openmetrics")]
    [InlineData("text/plain;version=0.0.4", "text")]
    [InlineData("  application/vnd.google.protobuf ; proto=io.prometheus.client.MetricFamily; encoding=delimited ", "protobuf")]
    public void Negotiate_SpecificType_ThatFormat(string header, string expected)
    {
        Assert.Equal(expected, _formats.Negotiate(header).Name);
    }

    [Theory]
    [InlineData("text/plain;q=0.5,application/openmetrics-text;q=0.9", "openmetrics")]
    [InlineData("text/plain;q=0.9,application/openmetrics-text;q=0.5", "text")]
    [InlineData("text/plain;q=0.5, application/openmetrics-text;q=0.5", "text")]
    [InlineData("application/openmetrics-text;q=0.5, text/plain;q=0.5", "openmetrics")]
    [InlineData("text/plain;q=0.2,application/vnd.google.protobuf", "protobuf")]
    [InlineData("*/*;q=0.1,application/openmetrics-text;q=0.2", "openmetrics")]
    [InlineData("*/*;q=0.9,application/openmetrics-text;q=0.2", "text")]
    public void Negotiate_Qualities_HighestWinsEarlierBreaksTies(string header, string expected)
    {
        Assert.Equal(expected, _formats.Negotiate(header).Name);
    }

    [Theory]
    [InlineData("application/openmetrics-text;q=0,text/plain;q=0.1", "text")]
    [InlineData("application/openmetrics-text;q=0", "text")]
    [InlineData("text/plain;q=0,application/openmetrics-text;q=0.01", "openmetrics")]
    [InlineData("text/plain;q=0,*/*", "openmetrics")]
    [InlineData("text/plain;version=0.0.4;q=0, */*;q=0.1", "openmetrics")]
    [InlineData("text/plain;q=0,application/openmetrics-text;q=0,*/*", "protobuf")]
    [InlineData("text/plain;q=0,application/*", "openmetrics")]
    public void Negotiate_ZeroQuality_Excluded(string header, string expected)
    {
        Assert.Equal(expected, _formats.Negotiate(header).Name);
    }

    [Fact]
    public void Negotiate_PrometheusThreeHeader_OpenMetrics()
    {
        const string Header = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,"
            + "text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

        Assert.Same(_openMetrics, _formats.Negotiate(Header));
    }

    [Fact]
    public void Negotiate_TypeWildcard_BestQualityFormatOfThatType()
    {
        Assert.Same(_openMetrics, _formats.Negotiate("application/*"));
        Assert.Same(_text, _formats.Negotiate("text/*"));
    }

    [Fact]
    public void Negotiate_TypeWildcardCoveringFallback_FallbackWinsEqualQuality()
    {
        var other = new FakeExpositionFormat("other", "application/other", quality: 0.9);
        var formats = new ExpositionFormatCollection().Add(_openMetrics).Add(other);
        formats.Fallback = other;

        Assert.Same(other, formats.Negotiate("application/*"));
    }

    [Fact]
    public void Negotiate_VersionNotServed_NextAcceptableRange()
    {
        Assert.Same(_openMetrics, _formats.Negotiate("text/plain;version=1.0.0,application/openmetrics-text;q=0.1"));
    }

    [Fact]
    public void Negotiate_EmptyCollection_Throws()
    {
        var formats = new ExpositionFormatCollection();

        Assert.Throws<InvalidOperationException>(() => formats.Negotiate("text/plain"));
        Assert.Throws<InvalidOperationException>(() => formats.Fallback);
    }

    [Fact]
    public void Fallback_Default_FirstAdded()
    {
        Assert.Same(_text, _formats.Fallback);
    }

    [Fact]
    public void Fallback_Set_UsedForWildcardAndUnknown()
    {
        _formats.Fallback = _protobuf;

        Assert.Same(_protobuf, _formats.Negotiate("*/*"));
        Assert.Same(_protobuf, _formats.Negotiate("image/png"));
        Assert.Same(_protobuf, _formats.Negotiate(null));
    }

    [Fact]
    public void Fallback_SetToFormatNotInCollection_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => _formats.Fallback = new FakeExpositionFormat("stray", "text/stray"));

        Assert.Contains("'stray'", ex.Message);
        Assert.Same(_text, _formats.Fallback);
    }

    [Fact]
    public void Add_SameName_ReplacesAndKeepsFallbackRole()
    {
        var replacement = new FakeExpositionFormat("text", "text/plain", "1.0.0");
        _formats.Fallback = _text;

        _formats.Add(replacement);

        Assert.Equal(3, _formats.Count);
        Assert.Same(replacement, _formats[0]);
        Assert.Same(replacement, _formats.Fallback);
        Assert.Equal([replacement, _openMetrics, _protobuf], _formats);
    }

    [Theory]
    [InlineData("openmetrics", "openmetrics")]
    [InlineData("OpenMetrics", "openmetrics")]
    [InlineData("TEXT", "text")]
    public void FindByName_KnownIgnoringCase_Found(string name, string expected)
    {
        Assert.Equal(expected, _formats.FindByName(name)?.Name);
    }

    [Fact]
    public void FindByName_Unknown_Null()
    {
        Assert.Null(_formats.FindByName("json"));
    }

    [Fact]
    public async Task WriteAsync_Default_CopiesWrittenBytesToStream()
    {
        var registry = new MetricRegistry();
        registry.CreateCounter("b_total", "B.").Inc();
        registry.CreateGauge("a", "A.", "x");
        var metrics = await registry.CollectAsync();
        using var stream = new MemoryStream();

        await _text.WriteAsync(stream, metrics);

        Assert.Equal("a 0\nb_total 1\n"u8.ToArray(), stream.ToArray());
    }

    [Fact]
    public async Task WriteAsync_LargeOutput_AllBytesCopiedInOrder()
    {
        var registry = new MetricRegistry();
        for (var i = 0; i < 10_000; i++)
        {
            registry.CreateGauge($"gauge_{i:D5}", "Help.").Set(i);
        }

        var metrics = await registry.CollectAsync();
        using var stream = new MemoryStream();

        await _text.WriteAsync(stream, metrics);

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10_000, lines.Length);
        Assert.Equal("gauge_00000 1", lines[0]);
        Assert.Equal("gauge_09999 1", lines[^1]);
    }
}
