using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class NativeHistogramsPrometheusCollection : ICollectionFixture<NativeHistogramsPrometheusFixture>
{
    public const string Name = "Prometheus with native histograms";
}
