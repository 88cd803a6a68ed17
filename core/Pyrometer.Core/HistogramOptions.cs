namespace Pyrometer;

/// <summary>Options for a <see cref="Histogram"/>.</summary>
public sealed class HistogramOptions : CollectorOptions
{
    /// <summary>
    /// Gets or sets the bucket upper bounds, strictly increasing; <c>+Inf</c> is added when missing.
    /// Default: <see cref="Buckets.Default"/> (.005 to 10 seconds).
    /// </summary>
    public IReadOnlyList<double>? Buckets { get; set; }
}
