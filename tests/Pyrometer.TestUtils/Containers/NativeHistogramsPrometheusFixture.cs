namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="PrometheusFixture"/> run with <c>--enable-feature=native-histograms</c>: it asks for the protobuf
/// format first when it scrapes and stores native histograms.
/// </summary>
public sealed class NativeHistogramsPrometheusFixture : PrometheusFixture
{
    /// <summary>Picks the port; the container starts when xunit initializes the fixture.</summary>
    public NativeHistogramsPrometheusFixture()
        : base(LocalImages.PrometheusOptions(nativeHistograms: true))
    {
    }
}
