using Pyrometer.Exposition;

namespace Pyrometer.Transports.Kestrel;

/// <summary>
/// Options for the metrics endpoint mapped with
/// <see cref="PyrometerEndpointRouteBuilderExtensions.MapPyrometerMetrics"/>, and the scrape settings
/// <see cref="KestrelMetricsServerOptions"/> shares.
/// </summary>
public class PyrometerMetricsEndpointOptions
{
    /// <summary>
    /// Gets or sets the registry to expose. Default: <see cref="MetricRegistry.Default"/>; for
    /// <c>MapPyrometerMetrics</c>, the app's <see cref="MetricRegistry"/> service when one is registered (as
    /// <c>AddPyrometer()</c> does), else <see cref="MetricRegistry.Default"/>.
    /// </summary>
    public MetricRegistry? Registry { get; set; }

    /// <summary>
    /// Gets or sets the formats to serve, negotiated from each request's <c>Accept</c> header or chosen by name
    /// with a query such as <c>?format=openmetrics</c> (an unknown name is answered 400). Default: the Prometheus
    /// text format 0.0.4 (<c>text</c>, the fallback) and OpenMetrics 1.0.0 (<c>openmetrics</c>).
    /// </summary>
    public ExpositionFormatCollection? Formats { get; set; }

    /// <summary>Gets or sets whether responses are gzip-compressed for clients that accept gzip. Default: true.</summary>
    public bool EnableCompression { get; set; } = true;

    /// <summary>
    /// Gets or sets how many scrapes may be collected and written at once; further scrapes wait up to
    /// <see cref="ScrapeQueueTimeout"/> for a slot, then get 503 with <c>Retry-After</c>. Default: 4.
    /// </summary>
    public int MaxConcurrentScrapes { get; set; } = 4;

    /// <summary>
    /// Gets or sets how long a scrape waits for a slot when <see cref="MaxConcurrentScrapes"/> are running
    /// before it is answered 503; zero answers at once. At most 10 minutes. Default: 2 seconds.
    /// </summary>
    public TimeSpan ScrapeQueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how many bytes of free response buffers are kept for the next scrapes. A body is written into
    /// pooled 512 KiB blocks, so a scrape holds about its body's size (plus its compressed size, with gzip) and a
    /// failure while writing is still answered 500; scrapes whose buffers fit within the limit allocate none. It is
    /// rounded down to whole blocks and must be at least one block (524288). Default: 64 MiB.
    /// </summary>
    public long MaxRetainedBufferBytes { get; set; } = 64 * 1024 * 1024;
}
