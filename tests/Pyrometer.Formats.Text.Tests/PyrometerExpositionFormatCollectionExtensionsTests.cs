using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Text.Tests;

public class PyrometerExpositionFormatCollectionExtensionsTests
{
    private const string Text = "text/plain; version=0.0.4; charset=utf-8";
    private const string OpenMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    [Fact]
    public void AddTextFormats_EmptyCollection_AddsText004FirstAsFallbackThenOpenMetrics()
    {
        var formats = new ExpositionFormatCollection().AddTextFormats();

        Assert.Equal([TextFormats.Prometheus, TextFormats.OpenMetrics], formats);
        Assert.Same(TextFormats.Prometheus, formats.Fallback);
    }

    [Fact]
    public void AddTextFormats_CollectionWithAnotherFormat_MakesText004TheFallback()
    {
        var other = new OtherFormat();
        var formats = new ExpositionFormatCollection().Add(other).AddTextFormats();

        Assert.Equal([other, TextFormats.Prometheus, TextFormats.OpenMetrics], formats);
        Assert.Same(TextFormats.Prometheus, formats.Fallback);
    }

    [Fact]
    public void AddTextFormats_CalledTwice_KeepsOneOfEach()
    {
        var formats = new ExpositionFormatCollection().AddTextFormats().AddTextFormats();

        Assert.Equal(2, formats.Count);
    }

    [Fact]
    public void AddTextFormats_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PyrometerExpositionFormatCollectionExtensions.AddTextFormats(null!));
    }

    [Theory]
    // Prometheus 2.42-2.48, the static constant.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", OpenMetrics)]
    // The same with --enable-feature=native-histograms: protobuf first, which the text formats do not offer.
    [InlineData("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,application/openmetrics-text;version=1.0.0;q=0.8,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", OpenMetrics)]
    // Prometheus 2.40 with native histograms: spaces in the protobuf entry, unversioned OpenMetrics.
    [InlineData("application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited,application/openmetrics-text;version=1.0.0;q=0.75,application/openmetrics-text;q=0.6,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", OpenMetrics)]
    // Prometheus 2.49-2.55, configurable scrape_protocols, default list.
    [InlineData("application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", OpenMetrics)]
    // Prometheus 3.0: escaping on every entry.
    [InlineData("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;escaping=allow-utf-8;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;escaping=allow-utf-8;q=0.3,*/*;q=0.2", OpenMetrics)]
    // Prometheus 3.x default: escaping only on the 1.0.0 text formats.
    [InlineData("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", OpenMetrics)]
    // Prometheus 3.x proto-first list (scrape_native_histograms).
    [InlineData("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1", OpenMetrics)]
    // Prometheus 3.x with scrape_protocols: [PrometheusText1.0.0, PrometheusText0.0.4]: text 1.0.0 is not offered, 0.0.4 is.
    [InlineData("text/plain;version=1.0.0;escaping=allow-utf-8;q=0.6,text/plain;version=0.0.4;q=0.5,*/*;q=0.4", Text)]
    // Prometheus 3.x with scrape_protocols: [PrometheusText0.0.4].
    [InlineData("text/plain;version=0.0.4;q=0.6,*/*;q=0.5", Text)]
    public void Negotiate_PrometheusAcceptHeaders_PicksWhatPrometheusPrefers(string accept, string expectedContentType)
    {
        var formats = new ExpositionFormatCollection().AddTextFormats();

        Assert.Equal(expectedContentType, formats.Negotiate(accept).ContentType);
    }

    [Theory]
    [InlineData(null, Text)]
    [InlineData("", Text)]
    [InlineData("   ", Text)]
    [InlineData("*/*", Text)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", Text)]
    [InlineData("garbage", Text)]
    [InlineData(";;;,,,", Text)]
    [InlineData("/", Text)]
    [InlineData("application/openmetrics-text;q=abc", Text)]
    [InlineData("application/json", Text)]
    [InlineData("application/openmetrics-text", OpenMetrics)]
    [InlineData("application/openmetrics-text;version=0.0.1", Text)]
    [InlineData("application/*", OpenMetrics)]
    [InlineData("text/*", Text)]
    [InlineData("Application/OpenMetrics-Text; Version=1.0.0", OpenMetrics)]
    [InlineData("application/openmetrics-text;version=\"1.0.0\"", OpenMetrics)]
    [InlineData("text/plain ; version = 0.0.4 ; q = 0.5 , application/openmetrics-text ; q = 0.4", Text)]
    [InlineData("application/openmetrics-text;q=0,*/*", Text)]
    [InlineData("application/openmetrics-text;q=0", Text)]
    [InlineData("text/plain;q=0,application/openmetrics-text;q=0.1", OpenMetrics)]
    [InlineData("text/plain;q=0.2,application/openmetrics-text;q=0.9", OpenMetrics)]
    [InlineData("application/openmetrics-text;q=0.5,text/plain;q=0.5", OpenMetrics)]
    [InlineData("application/openmetrics-text;version=1.0.0;version=0.0.1", OpenMetrics)]
    [InlineData("application/openmetrics-text;version=0.0.1;version=1.0.0", Text)]
    [InlineData("application/openmetrics-text;escaping=allow-utf-8;escaping=underscores;q=0.9,text/plain;q=0.5", OpenMetrics)]
    [InlineData("text/plain;version=0.0.4;version=0.0.4;charset=utf-8;charset=utf-8", Text)]
    [InlineData("application/openmetrics-text;version=1.0.0;charset=utf-8;charset=iso-8859-1", OpenMetrics)]
    public void Negotiate_OtherAcceptHeaders_PicksFormatOrFallsBackToText004(string? accept, string expectedContentType)
    {
        var formats = new ExpositionFormatCollection().AddTextFormats();

        Assert.Equal(expectedContentType, formats.Negotiate(accept).ContentType);
    }

    private sealed class OtherFormat : ExpositionFormat
    {
        public override string Name => "other";

        public override string MediaType => "application/x-other";

        public override string ContentType => "application/x-other";

        public override bool Satisfies(MediaRange range) => range.Subtype == "x-other";

        public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
        {
        }
    }
}
