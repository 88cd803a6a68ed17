namespace Pyrometer;

/// <summary>Options shared by every collector.</summary>
public abstract class CollectorOptions
{
    /// <summary>
    /// Gets or sets the label names every series of the collector carries, declared up front so that
    /// <c>WithLabels(values)</c> can address series by position. Default: none, in which case series may be
    /// addressed with any <see cref="Labels"/> set.
    /// </summary>
    public IReadOnlyList<string>? LabelNames { get; set; }

    /// <summary>Gets or sets labels with fixed values added to every series of the collector. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ConstLabels { get; set; }

    /// <summary>
    /// Gets or sets the unit of the metric (for example <c>seconds</c>); when set, the metric name must end with
    /// <c>_</c> followed by the unit (before <c>_total</c> on counters). Default: none.
    /// </summary>
    public string? Unit { get; set; }

    /// <summary>Gets or sets the clock for creation timestamps and time windows. Default: the registry's clock.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets the most series the collector creates. Once it holds that many, each new label set is recorded
    /// into one overflow series whose only label is <c>otel_metric_overflow="true"</c>
    /// (<see cref="Collector.OverflowLabelName"/>), and its handles from <c>WithLabels</c> point at that series;
    /// the first time, the registry reports it once through <see cref="MetricRegistryOptions.CardinalityLimitReached"/>.
    /// The overflow series is not counted in the limit. Series removed or expired make room again. Must be greater
    /// than zero. Default: null, no limit.
    /// </summary>
    public int? CardinalityLimit { get; set; }

    /// <summary>
    /// Gets or sets how long a series may go without an update before it stops being exposed. Each collection of
    /// the registry sweeps the collector: a series found not updated since the previous sweep is marked idle, and
    /// one still idle <see cref="SeriesExpiry"/> after it was marked is removed and its memory released (so it
    /// goes at the first collection at least this long after its last update, within one collection interval
    /// more). A handle kept by the caller comes back to life on its next update, keeping its value and its
    /// <see cref="MetricSeries.Created"/> time (counters never go down within one created time), unless a series
    /// with its labels was created while it was away: its updates then go to that series. Reads (<c>Value</c>,
    /// <c>Count</c>) do not count as updates. Must be greater than zero. Default: null, series never expire.
    /// </summary>
    public TimeSpan? SeriesExpiry { get; set; }
}
