namespace Pyrometer;

/// <summary>Options for a <see cref="MetricRegistry"/>.</summary>
public sealed class MetricRegistryOptions
{
    /// <summary>Gets or sets labels with fixed values (for example host or app) added to every series the registry exposes. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ConstLabels { get; set; }

    /// <summary>
    /// Gets or sets what to call, once per collector, the first time a collector of the registry records a new
    /// label set into its overflow series because it reached its <see cref="CollectorOptions.CardinalityLimit"/>:
    /// the place to log a warning (core has no logging dependency; the hosting package routes it to an
    /// <c>ILogger</c>). It runs on the thread that asked for the label set, outside any lock, and must not throw:
    /// an exception reaches that caller. Default: null, nothing is called.
    /// </summary>
    public Action<Collector>? CardinalityLimitReached { get; set; }

    /// <summary>Gets or sets the clock collectors created by the registry use. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets how long a collection waits for the collect callbacks before it fails with
    /// <see cref="MetricsCollectionException"/> (which a metrics server answers with 503). The callbacks are not
    /// stopped, as a synchronous one cannot be: an asynchronous one sees its token cancelled once no collection waits
    /// for it, and later collections wait for the run to end before starting another. Default: 5 seconds, half of Prometheus' default scrape
    /// timeout of 10 seconds, which leaves time to write the response. Must be greater than zero, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> to wait without a bound; the registry's constructor checks it.
    /// </summary>
    public TimeSpan CollectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
