using System.Text;
using Pyrometer.Formats.Text.Internal;

namespace Pyrometer.Formats.Text.Tests.Internal;

public class LabelEncodingTests
{
    private readonly MetricRegistry _registry = new();

    [Fact]
    public void Encode_Nothing_Empty()
    {
        Assert.Empty(LabelEncoding.Encode([], [], []));
    }

    [Fact]
    public void Encode_FirstThenNamesAndValues_CommaSeparated()
    {
        var bytes = LabelEncoding.Encode([new("c", "1")], ["a", "b"], ["x", "y"]);

        Assert.Equal("c=\"1\",a=\"x\",b=\"y\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Encode_SpecialCharacters_OnlyBackslashQuoteAndNewlineEscaped()
    {
        var bytes = LabelEncoding.Encode([], ["v"], ["\\ \" \n \r \t ü 🔥"]);

        Assert.Equal(Encoding.UTF8.GetBytes("v=\"\\\\ \\\" \\n \r \t ü 🔥\""), bytes);
    }

    [Fact]
    public void Of_NoLabels_Empty()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.");
        counter.Inc();

        Assert.Equal(0, LabelEncoding.Of(counter.Series.First()).Length);
    }

    [Fact]
    public void Of_DeclaredLabels_InDeclaredOrder()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "method", "code").WithLabels("GET", "200");

        AssertBytes("method=\"GET\",code=\"200\"", LabelEncoding.Of(series));
    }

    [Fact]
    public void Of_FreeFormLabels_SortedByName()
    {
        var series = _registry.CreateCounter("events_total", "Events.").WithLabels(new Labels { ["zeta"] = "1", ["alpha"] = "2" });

        AssertBytes("alpha=\"2\",zeta=\"1\"", LabelEncoding.Of(series));
    }

    [Fact]
    public void Of_ConstLabelsFirstThenSeriesLabels()
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions
        {
            LabelNames = ["route"],
            ConstLabels = new Dictionary<string, string> { ["zone"] = "eu", ["app"] = "shop" },
        });

        AssertBytes("app=\"shop\",zone=\"eu\",route=\"/\"", LabelEncoding.Of(counter.WithLabels("/")));
    }

    [Fact]
    public void Of_OnlyConstLabels_Encoded()
    {
        var gauge = _registry.CreateGauge("temperature", "Temperature.", new GaugeOptions
        {
            ConstLabels = new Dictionary<string, string> { ["room"] = "kitchen" },
        });
        gauge.Set(1);

        AssertBytes("room=\"kitchen\"", LabelEncoding.Of(gauge.Series.First()));
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
    public void Of_Value_EscapedAsUtf8(string value, string escaped)
    {
        var counter = _registry.CreateCounter("requests_total", "Requests.", new CounterOptions
        {
            LabelNames = ["path"],
            ConstLabels = new Dictionary<string, string> { ["c"] = value },
        });

        var series = counter.WithLabels(value);

        AssertBytes($"c=\"{escaped}\",path=\"{escaped}\"", LabelEncoding.Of(series));
    }

    [Fact]
    public void Of_NonAsciiValue_IsMultiByteUtf8()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "city").WithLabels("Zürich");

        byte[] expected = [.. "city=\"Z"u8, 0xC3, 0xBC, .. "rich\""u8];
        Assert.Equal(expected, LabelEncoding.Of(series).ToArray());
    }

    [Fact]
    public void Of_Exemplar_LabelsInGivenOrderEscaped()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.").WithLabels(new Labels());
        series.Inc(Exemplar.From(("trace_id", "t"), ("path", "C:\\tmp \"x\"\nü")));

        AssertBytes("trace_id=\"t\",path=\"C:\\\\tmp \\\"x\\\"\\nü\"", LabelEncoding.Of(series.Exemplar!));
    }

    [Fact]
    public async Task ConstLabelsOf_RegistryConstLabels_SortedAndEscaped()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions
        {
            ConstLabels = new Dictionary<string, string> { ["region"] = "eu\n\"1\"", ["app"] = "c:\\shop ✓" },
        });

        var collected = await registry.CollectAsync();

        AssertBytes("app=\"c:\\\\shop ✓\",region=\"eu\\n\\\"1\\\"\"", LabelEncoding.ConstLabelsOf(collected));
    }

    [Fact]
    public async Task ConstLabelsOf_NoRegistryConstLabels_Empty()
    {
        var collected = await _registry.CollectAsync();

        Assert.Equal(0, LabelEncoding.ConstLabelsOf(collected).Length);
    }

    [Fact]
    public void Of_SameSeriesTwice_SameCachedBytes()
    {
        var series = _registry.CreateCounter("requests_total", "Requests.", "path").WithLabels("/");

        Assert.True(LabelEncoding.Of(series) == LabelEncoding.Of(series));
    }

    private static void AssertBytes(string expected, ReadOnlySpan<byte> actual) =>
        Assert.Equal(Encoding.UTF8.GetBytes(expected), actual.ToArray());
}
