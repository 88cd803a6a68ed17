using Pyrometer.TestUtils;

namespace Pyrometer.Transports.HttpListener.Tests.Integration;

/// <summary>One real Prometheus shared by the scrape tests of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusFixture>
{
    public const string Name = "Prometheus";
}
