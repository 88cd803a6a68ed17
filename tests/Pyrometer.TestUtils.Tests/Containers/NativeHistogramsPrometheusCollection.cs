namespace Pyrometer.TestUtils.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class NativeHistogramsPrometheusCollection : ICollectionFixture<NativeHistogramsPrometheusContainer>
{
    public const string Name = "Prometheus with native histograms";
}
