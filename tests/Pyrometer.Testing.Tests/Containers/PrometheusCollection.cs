using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusFixture>
{
    public const string Name = "Prometheus";
}
