namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="PrometheusContainer"/> run with <c>--enable-feature=native-histograms</c>: it asks for the protobuf
/// format first when it scrapes and stores native histograms.
/// </summary>
public sealed class NativeHistogramsPrometheusContainer : PrometheusContainer
{
    /// <summary>Picks the port; the container starts in <see cref="LoopbackContainer.InitializeAsync"/>.</summary>
    public NativeHistogramsPrometheusContainer()
        : base(enableNativeHistograms: true)
    {
    }
}
