using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf.Internal;

namespace Pyrometer.Formats.Protobuf;

/// <summary>The Prometheus protobuf exposition format. A stateless singleton, safe to share between transports and threads.</summary>
public static class ProtobufFormats
{
    /// <summary>
    /// Gets the delimited protobuf format
    /// (<c>application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited</c>), named
    /// <c>protobuf</c>: a stream of <c>io.prometheus.client.MetricFamily</c> messages, each prefixed by its length.
    /// Prometheus asks for it first when native histograms are enabled (2.40 and later).
    /// </summary>
    public static ExpositionFormat Delimited => DelimitedProtobufFormat.Instance;
}
