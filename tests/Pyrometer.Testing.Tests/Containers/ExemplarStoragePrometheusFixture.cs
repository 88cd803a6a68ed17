using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

/// <summary>A Prometheus run with <c>--enable-feature=exemplar-storage</c>, shared by one test class.</summary>
public sealed class ExemplarStoragePrometheusFixture : PrometheusFixture
{
    public ExemplarStoragePrometheusFixture()
        : base(LocalImages.PrometheusOptions(exemplarStorage: true))
    {
    }
}
