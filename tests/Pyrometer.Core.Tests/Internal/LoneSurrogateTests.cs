using System.Text.RegularExpressions;
using Pyrometer.Internal;

namespace Pyrometer.Core.Tests.Internal;

public class LoneSurrogateTests
{
    // Escaped in the attributes: xunit would turn a lone surrogate in theory data into U+FFFD.
    [Theory]
    [InlineData(@"\uD800", 0)]
    [InlineData(@"ab\uDC00", 2)]
    [InlineData(@"a\uD83D", 1)]
    [InlineData(@"\uDE00\uD83D", 0)]
    [InlineData(@"ok \uD83D\uDE00 then \uD800", 11)]
    public void IndexOfLoneSurrogate_LoneHalf_FoundAtItsIndex(string escaped, int expected)
    {
        Assert.Equal(expected, MetricNames.IndexOfLoneSurrogate(Regex.Unescape(escaped)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("emoji \uD83D\uDE00")]
    [InlineData("\uD83D\uDE00\uD83D\uDE00")]
    [InlineData("é 中")]
    public void IndexOfLoneSurrogate_WellFormed_MinusOne(string value)
    {
        Assert.Equal(-1, MetricNames.IndexOfLoneSurrogate(value));
    }

    [Fact]
    public void WithLabels_DeclaredValueWithLoneSurrogate_ThrowsAndAddsNoSeries()
    {
        var counter = new Counter("c_total", "Help.", new CounterOptions { LabelNames = ["path"] });

        var ex = Assert.Throws<ArgumentException>(() => counter.WithLabels("/a\uD800"));

        Assert.Contains("Label 'path' of metric 'c_total' has a value with a lone UTF-16 surrogate (U+D800 at index 2)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("labelValues", ex.ParamName);
        Assert.Equal(0, counter.SeriesCount);
    }

    [Fact]
    public void Inc_LabelSetValueWithLoneSurrogate_ThrowsNamingLabels()
    {
        var counter = new Counter("c_total", "Help.");

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["kind"] = "\uDC00" }));

        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("lone UTF-16 surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inc_DeclaredLabelSetValueWithLoneSurrogate_ThrowsNamingLabels()
    {
        var counter = new Counter("c_total", "Help.", new CounterOptions { LabelNames = ["kind"] });

        var ex = Assert.Throws<ArgumentException>(() => counter.Inc(new Labels { ["kind"] = "\uDC00" }));

        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void WithLabels_WellFormedSurrogatePair_Kept()
    {
        var counter = new Counter("c_total", "Help.", new CounterOptions { LabelNames = ["emoji"] });

        var series = counter.WithLabels("\uD83D\uDE00");

        Assert.Equal("\uD83D\uDE00", series.LabelValues[0]);
    }

    [Fact]
    public void Constructor_ConstLabelWithLoneSurrogate_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new Gauge("g", "Help.", new GaugeOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "x\uD800" } }));

        Assert.Contains("Label 'host' of metric 'g'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricRegistry_ConstLabelWithLoneSurrogate_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new MetricRegistry(new MetricRegistryOptions { ConstLabels = new Dictionary<string, string> { ["host"] = "\uDFFF" } }));

        Assert.Contains("Label 'host' of the registry", ex.Message, StringComparison.Ordinal);
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Constructor_HelpWithLoneSurrogate_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Gauge("g", "Broken \uD800 help."));

        Assert.Equal("help", ex.ParamName);
    }

    [Fact]
    public void Exemplar_ValueWithLoneSurrogate_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exemplar.From("trace_id", "\uD800abc"));

        Assert.Contains("Label 'trace_id' of the exemplar", ex.Message, StringComparison.Ordinal);
    }
}
