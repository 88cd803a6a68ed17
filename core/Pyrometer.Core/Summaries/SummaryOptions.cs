namespace Pyrometer;

/// <summary>Options for a <see cref="Summary"/>.</summary>
public sealed class SummaryOptions : CollectorOptions
{
    /// <summary>
    /// Gets or sets the quantiles to estimate, each with its allowed rank error. Default:
    /// <see cref="QuantileTarget.Defaults"/> (0.5 ± 0.05, 0.9 ± 0.01, 0.99 ± 0.001). An empty list keeps only sum and count.
    /// </summary>
    public IReadOnlyList<QuantileTarget>? Quantiles { get; set; }

    /// <summary>Gets or sets how far back quantiles look. Default: 10 minutes.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets into how many buckets the <see cref="MaxAge"/> window is divided; the window slides one bucket at a time. Default: 5.</summary>
    public int AgeBuckets { get; set; } = 5;
}
