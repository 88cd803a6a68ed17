namespace Pyrometer.TestUtils.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusContainer>
{
    public const string Name = "Prometheus";
}
