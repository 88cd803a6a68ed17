namespace Pyrometer.Testing.Containers;

/// <summary>How a <see cref="PrometheusContainer"/> runs: its image, feature flags and scrape interval.</summary>
public sealed class PrometheusContainerOptions : LoopbackContainerOptions
{
    /// <summary>
    /// Whether the server runs with <c>--enable-feature=native-histograms</c>: it then asks for the protobuf format
    /// first when it scrapes and stores native histograms. Default false.
    /// </summary>
    public bool NativeHistograms { get; set; }

    /// <summary>
    /// Whether the server runs with <c>--web.enable-remote-write-receiver</c> and so accepts remote write on
    /// <see cref="PrometheusContainer.RemoteWriteEndpoint"/>. Default false.
    /// </summary>
    public bool RemoteWriteReceiver { get; set; }

    /// <summary>
    /// Whether the server runs with <c>--enable-feature=exemplar-storage</c> and so keeps the exemplars it scrapes or
    /// receives (Prometheus' <c>/api/v1/query_exemplars</c> returns them). Default false.
    /// </summary>
    public bool ExemplarStorage { get; set; }

    /// <summary>The scrape interval (and timeout) of every target, from 10 ms to 1 h. Default 1 s.</summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromSeconds(1);
}
