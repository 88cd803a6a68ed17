using System.Text;

namespace Pyrometer.Core.Tests;

public class MetricSeriesTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void EncodedLabels_NoLabels_Empty()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        counter.Inc();

        Assert.Equal(0, counter.Series.First().EncodedLabels.Length);
    }

    [Fact]
    public void EncodedLabels_DeclaredLabels_InDeclaredOrder()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "method", "code").WithLabels("GET", "200");

        AssertBytes("method=\"GET\",code=\"200\"", series.EncodedLabels);
    }

    [Fact]
    public void EncodedLabels_FreeFormLabels_SortedByName()
    {
        var series = _registry.CreateCounter("events_total", "Events.").WithLabels(new Labels { ["zeta"] = "1", ["alpha"] = "2" });

        AssertBytes("alpha=\"2\",zeta=\"1\"", series.EncodedLabels);
    }

    [Fact]
    public void EncodedLabels_ConstLabelsFirstThenSeriesLabels()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions
        {
            LabelNames = ["route"],
            ConstLabels = new Dictionary<string, string> { ["zone"] = "eu", ["app"] = "shop" },
        });

        AssertBytes("app=\"shop\",zone=\"eu\",route=\"/\"", counter.WithLabels("/").EncodedLabels);
    }

    [Fact]
    public void EncodedLabels_OnlyConstLabels_Encoded()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.", new GaugeOptions
        {
            ConstLabels = new Dictionary<string, string> { ["room"] = "kitchen" },
        });
        gauge.Set(1);

        AssertBytes("room=\"kitchen\"", gauge.Series.First().EncodedLabels);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("größe ✓ 日本", "größe ✓ 日本")]
    [InlineData("", "")]
    public void EncodedLabels_Value_EscapedAsUtf8(string value, string escaped)
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions
        {
            LabelNames = ["path"],
            ConstLabels = new Dictionary<string, string> { ["c"] = value },
        });

        var series = counter.WithLabels(value);

        AssertBytes($"c=\"{escaped}\",path=\"{escaped}\"", series.EncodedLabels);
    }

    [Fact]
    public void EncodedLabels_NonAsciiValue_IsMultiByteUtf8()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "city").WithLabels("Zürich");

        byte[] expected = [.. "city=\"Z"u8, 0xC3, 0xBC, .. "rich\""u8];
        Assert.Equal(expected, series.EncodedLabels.ToArray());
    }

    [Fact]
    public void LabelNamesAndValues_Unlabelled_Empty()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.");
        gauge.Set(1);

        Assert.Empty(gauge.Series.First().LabelNames);
        Assert.Empty(gauge.Series.First().LabelValues);
    }

    private static void AssertBytes(string expected, ReadOnlySpan<byte> actual) =>
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual.ToArray());
}
