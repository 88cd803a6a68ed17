namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="PrometheusFixture"/> run with <c>--web.enable-remote-write-receiver</c> and
/// <c>--enable-feature=native-histograms</c>: it stores what is remote-written to its <c>RemoteWriteEndpoint</c>,
/// native histograms included.
/// </summary>
public sealed class RemoteWriteReceiverPrometheusFixture : PrometheusFixture
{
    /// <summary>Picks the port; the container starts when xunit initializes the fixture.</summary>
    public RemoteWriteReceiverPrometheusFixture()
        : base(LocalImages.PrometheusOptions(nativeHistograms: true, remoteWriteReceiver: true))
    {
    }
}
