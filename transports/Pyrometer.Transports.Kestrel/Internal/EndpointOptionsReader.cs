namespace Pyrometer.Transports.Kestrel.Internal;

/// <summary>Copies the scrape settings every Kestrel options class shares into the shared validator's input.</summary>
internal static class EndpointOptionsReader
{
    public static ScrapeSettingsBuilder ToScrapeSettings(this PyrometerMetricsEndpointOptions options, string optionsName) => new(optionsName)
    {
        Registry = options.Registry,
        Formats = options.Formats,
        EnableCompression = options.EnableCompression,
        MaxConcurrentScrapes = options.MaxConcurrentScrapes,
        ScrapeQueueTimeout = options.ScrapeQueueTimeout,
        MaxRetainedBufferBytes = options.MaxRetainedBufferBytes,
    };
}
