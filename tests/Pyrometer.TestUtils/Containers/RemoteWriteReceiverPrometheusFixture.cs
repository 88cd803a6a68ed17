namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="PrometheusFixture"/> run with <c>--web.enable-remote-write-receiver</c> and
/// <c>--enable-feature=native-histograms</c> and <c>--enable-feature=exemplar-storage</c>: it stores what is
/// remote-written to its <c>RemoteWriteEndpoint</c>, native histograms and exemplars included.
/// </summary>
public sealed class RemoteWriteReceiverPrometheusFixture : PrometheusFixture
{
    /// <summary>Picks the port; the container starts when xunit initializes the fixture.</summary>
    public RemoteWriteReceiverPrometheusFixture()
        : base(LocalImages.PrometheusOptions(nativeHistograms: true, remoteWriteReceiver: true, exemplarStorage: true))
    {
    }
}
