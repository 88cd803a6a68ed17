namespace Pyrometer;

/// <summary>Options for a <see cref="Histogram"/>.</summary>
public sealed class HistogramOptions : CollectorOptions
{
    /// <summary>
    /// Gets or sets the classic bucket upper bounds, strictly increasing; <c>+Inf</c> is added when missing.
    /// Default: <see cref="Buckets.Default"/> (.005 to 10 seconds), or, when <see cref="Native"/> is set, no
    /// classic buckets but <c>+Inf</c> (a native-only histogram). Set both for classic and native buckets at once.
    /// </summary>
    public IReadOnlyList<double>? Buckets { get; set; }

    /// <summary>
    /// Gets or sets the options of native (exponential) buckets, kept besides or instead of the classic ones (see
    /// <see cref="Buckets"/>); only the protobuf format exposes them, the text formats write the classic buckets,
    /// sum and count. Default: none, a classic histogram.
    /// </summary>
    public NativeHistogramOptions? Native { get; set; }
}
