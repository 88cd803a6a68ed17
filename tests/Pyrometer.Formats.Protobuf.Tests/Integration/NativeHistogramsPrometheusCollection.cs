using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>One real Prometheus with native histograms enabled, which asks for protobuf first.</summary>
[CollectionDefinition(Name)]
public sealed class NativeHistogramsPrometheusCollection : ICollectionFixture<NativeHistogramsPrometheusFixture>
{
    public const string Name = "Native-histograms Prometheus";
}
