using Microsoft.Extensions.Logging;
using Pyrometer.Exposition;

namespace Pyrometer.Transports;

/// <summary>
/// What every transport's options say about answering a scrape, validated once: the registry, the formats, gzip,
/// the concurrency bound, the response buffers, the logger and the credentials a request must carry.
/// </summary>
internal sealed class ScrapeSettings
{
    private ScrapeSettings(ScrapeSettingsBuilder builder, ILogger logger)
    {
        Registry = builder.Registry ?? MetricRegistry.Default;
        Formats = builder.Formats ?? new ExpositionFormatCollection().AddTextFormats();
        EnableCompression = builder.EnableCompression;
        MaxConcurrentScrapes = builder.MaxConcurrentScrapes;
        ScrapeQueueTimeout = builder.ScrapeQueueTimeout;
        Buffers = new ResponseBufferPool(builder.MaxRetainedBufferBytes);
        Logger = logger;
        Credentials = ScrapeCredentials.From(builder, logger);
    }

    public MetricRegistry Registry { get; }

    public ExpositionFormatCollection Formats { get; }

    public bool EnableCompression { get; }

    public int MaxConcurrentScrapes { get; }

    public TimeSpan ScrapeQueueTimeout { get; }

    /// <summary>Gets the pool of response buffers, bounded by the options' <c>MaxRetainedBufferBytes</c>.</summary>
    public ResponseBufferPool Buffers { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the credentials a scrape must carry, or null when any scrape is answered.</summary>
    public ScrapeCredentials? Credentials { get; }

    /// <summary>Validates the options' values; each message names <c>{options type}.{property}</c>.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static ScrapeSettings From(ScrapeSettingsBuilder options, ILogger logger)
    {
        var name = options.OptionsName;
        if (options.Formats is { Count: 0 })
        {
            throw new ArgumentException($"{name}.Formats must contain at least one format.", nameof(options));
        }

        if (options.MaxConcurrentScrapes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrentScrapes, $"{name}.MaxConcurrentScrapes must be at least 1.");
        }

        if (!ScrapeLimits.IsValidQueueTimeout(options.ScrapeQueueTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ScrapeQueueTimeout, $"{name}.ScrapeQueueTimeout must be between zero and 10 minutes.");
        }

        if (options.MaxRetainedBufferBytes < ScrapeLimits.MinRetainedBufferBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetainedBufferBytes, $"{name}.MaxRetainedBufferBytes must be at least {ScrapeLimits.MinRetainedBufferBytes} (one 512 KiB block).");
        }

        return new ScrapeSettings(options, logger);
    }
}
