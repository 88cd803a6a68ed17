namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="PrometheusContainer"/> run with <c>--web.enable-remote-write-receiver</c> and
/// <c>--enable-feature=native-histograms</c> and <c>--enable-feature=exemplar-storage</c>: it stores what is
/// remote-written to <see cref="RemoteWriteEndpoint"/>, native histograms and exemplars included.
/// </summary>
public sealed class RemoteWriteReceiverPrometheusContainer : PrometheusContainer
{
    /// <summary>Picks the port; the container starts in <see cref="LoopbackContainer.InitializeAsync"/>.</summary>
    public RemoteWriteReceiverPrometheusContainer()
        : base(enableNativeHistograms: true, enableRemoteWriteReceiver: true)
    {
    }

    /// <summary>Gets the receiver's address, <c>http://127.0.0.1:{port}/api/v1/write</c>.</summary>
    public Uri RemoteWriteEndpoint => new(BaseAddress, "api/v1/write");
}
