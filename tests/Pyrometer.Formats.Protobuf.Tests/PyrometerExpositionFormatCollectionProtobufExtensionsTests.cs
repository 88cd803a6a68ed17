using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf.Tests.Infrastructure;
using Pyrometer.Formats.Text;

namespace Pyrometer.Formats.Protobuf.Tests;

public class PyrometerExpositionFormatCollectionProtobufExtensionsTests
{
    private const string Protobuf = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    /// <summary>The Accept headers Prometheus sends when it may ingest native histograms, by version.</summary>
    public static TheoryData<string, string> ProtobufFirstHeaders => new()
    {
        { "2.40 (spaced parameters)", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited,application/openmetrics-text;version=1.0.0;q=0.75,application/openmetrics-text;q=0.6,text/plain;version=0.0.4;q=0.5,*/*;q=0.1" },
        { "2.42-2.48 native histograms", Protobuf + ",application/openmetrics-text;version=1.0.0;q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1" },
        { "2.49-2.55 native histograms", Protobuf + ";q=0.5,application/openmetrics-text;version=1.0.0;q=0.4,application/openmetrics-text;version=0.0.1;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1" },
        { "3.0 native histograms (escaping on every entry)", Protobuf + ";escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;escaping=allow-utf-8;q=0.2,*/*;q=0.1" },
        { "3.x native histograms", Protobuf + ";q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1" },
    };

    /// <summary>Accept headers that do not ask for protobuf, with the format that must answer them.</summary>
    public static TheoryData<string, string?, string> OtherHeaders => new()
    {
        { "2.45 default", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "openmetrics" },
        { "2.49-2.55 default", "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", "openmetrics" },
        { "3.x default", "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", "openmetrics" },
        { "anything", "*/*", "text" },
        { "no header", null, "text" },
        { "application wildcard", "application/*", "openmetrics" },
        { "protobuf of another message", "application/vnd.google.protobuf;proto=io.prometheus.client.Metric;encoding=delimited,text/plain;q=0.5", "text" },
        { "protobuf not delimited", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=text,text/plain;q=0.5", "text" },
        { "protobuf refused", Protobuf + ";q=0,*/*", "text" },
    };

    [Theory]
    [MemberData(nameof(ProtobufFirstHeaders))]
    public void Negotiate_PrometheusProtobufFirstHeader_ChoosesProtobuf(string version, string accept)
    {
        var format = Decoded.AllFormats().Negotiate(accept);

        Assert.True(ReferenceEquals(ProtobufFormats.Delimited, format), $"Prometheus {version} got {format.Name}.");
    }

    [Theory]
    [MemberData(nameof(OtherHeaders))]
    public void Negotiate_HeaderNotAskingForProtobuf_ChoosesAnotherFormat(string description, string? accept, string expected)
    {
        var format = Decoded.AllFormats().Negotiate(accept);

        Assert.True(format.Name == expected, $"{description}: got {format.Name}, expected {expected}.");
    }

    [Fact]
    public void AddProtobufFormat_AfterTextFormats_KeepsTextFallbackAndFindsProtobufByName()
    {
        var formats = Decoded.AllFormats();

        Assert.Same(TextFormats.Prometheus, formats.Fallback);
        Assert.Same(ProtobufFormats.Delimited, formats.FindByName("protobuf"));
        Assert.Equal(3, formats.Count);
    }

    [Fact]
    public void AddProtobufFormat_Twice_AddedOnce()
    {
        var formats = new ExpositionFormatCollection().AddProtobufFormat().AddProtobufFormat();

        Assert.Same(ProtobufFormats.Delimited, Assert.Single(formats));
    }

    [Fact]
    public void AddProtobufFormat_Null_ThrowsNamingFormats()
    {
        var error = Assert.Throws<ArgumentNullException>(() => PyrometerExpositionFormatCollectionProtobufExtensions.AddProtobufFormat(null!));

        Assert.Equal("formats", error.ParamName);
    }
}
