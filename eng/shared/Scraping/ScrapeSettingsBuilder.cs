using Pyrometer.Exposition;

namespace Pyrometer.Transports;

/// <summary>The options' values <see cref="ScrapeSettings.From"/> validates, copied from a transport's public options.</summary>
internal sealed class ScrapeSettingsBuilder(string optionsName)
{
    /// <summary>Gets the public options type's name, for messages.</summary>
    public string OptionsName => optionsName;

    public MetricRegistry? Registry { get; set; }

    public ExpositionFormatCollection? Formats { get; set; }

    public bool EnableCompression { get; set; } = true;

    public int MaxConcurrentScrapes { get; set; } = 4;

    public TimeSpan ScrapeQueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public long MaxRetainedBufferBytes { get; set; } = 64 * 1024 * 1024;

    public string? BasicAuthUsername { get; set; }

    public string? BasicAuthPassword { get; set; }

    public string? BearerToken { get; set; }
}
