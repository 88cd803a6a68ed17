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
}
