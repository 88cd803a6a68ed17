using Pyrometer.TestUtils;

namespace Pyrometer.Formats.Protobuf.Tests.Integration;

/// <summary>One real Prometheus without native histograms, which asks for OpenMetrics first.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusFixture>
{
    public const string Name = "Prometheus";
}
