using Pyrometer.Internal;

namespace Pyrometer;

/// <summary>
/// Summarises observations as streaming quantiles over a sliding time window (each estimate within its
/// declared rank error), plus a cumulative sum and count. Without labels, use it directly; with labels,
/// address series with <c>WithLabels(...)</c> and keep the handles.
/// </summary>
/// <remarks>Thread-safe: any number of threads may observe, read and remove its series at once; each observation
/// takes its series' lock briefly. The timing helpers (<c>StartTimer</c>, <c>Time</c>, <c>TimeAsync</c>) observe seconds.</remarks>
public sealed class Summary : Collector<SummarySeries>, IValueObserver
{
    /// <summary>Creates a summary outside any registry; add it to one with <see cref="MetricRegistry.Register"/>.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, the help text is empty, or an option is invalid.</exception>
    public Summary(string name, string help, SummaryOptions? options = null)
        : this(name, help, options ?? new(), null)
    {
    }

    internal Summary(string name, string help, SummaryOptions options, TimeProvider? defaultTime)
        : base(name, help, MetricType.Summary, options, defaultTime, reservedLabelName: "quantile")
    {
        QuantileArray = ValidatedTargets(options.Quantiles ?? QuantileTarget.Defaults, name, nameof(options));
        if (options.MaxAge <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Summary '{name}' needs a positive MaxAge, not {options.MaxAge}.", nameof(options));
        }

        if (options.AgeBuckets < 1)
        {
            throw new ArgumentException($"Summary '{name}' needs at least one age bucket, not {options.AgeBuckets}.", nameof(options));
        }

        MaxAge = options.MaxAge;
        AgeBuckets = options.AgeBuckets;
        StreamDurationTicks = Math.Max(1, (long)(MaxAge.TotalSeconds * TimeProvider.TimestampFrequency / AgeBuckets));
    }

    /// <summary>Gets the quantiles estimated, in increasing order.</summary>
    public IReadOnlyList<QuantileTarget> Quantiles => QuantileArray;

    /// <summary>Gets how far back quantiles look.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>Gets the number of buckets the window slides by.</summary>
    public int AgeBuckets { get; }

    internal QuantileTarget[] QuantileArray { get; }

    internal long StreamDurationTicks { get; }

    /// <summary>Records an observation in the series without labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN.</exception>
    public void Observe(double value) => Unlabelled.Observe(value);

    /// <summary>Records an observation in the series with these labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN.</exception>
    public void Observe(Labels labels, double value)
    {
        // Checked before the lookup, so a rejected value creates no series (nor takes a cardinality slot).
        if (double.IsNaN(value))
        {
            ThrowHelper.NaNObservation(value);
        }

        WithLabels(labels).Observe(value);
    }

    internal override string? DescribeDifference(Collector other)
    {
        var summary = (Summary)other;
        return base.DescribeDifference(other)
            ?? (summary.QuantileArray.AsSpan().SequenceEqual(QuantileArray) ? null : "quantiles differ from the registered ones")
            ?? (summary.MaxAge == MaxAge && summary.AgeBuckets == AgeBuckets ? null : "the quantile window differs from the registered one");
    }

    private protected override SummarySeries CreateSeries(string[] labelNames, string[] labelValues, int hash) =>
        new(this, labelNames, labelValues, hash);

    private static QuantileTarget[] ValidatedTargets(IReadOnlyList<QuantileTarget> targets, string name, string paramName)
    {
        var sorted = targets.OrderBy(t => t.Quantile).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Quantile == sorted[i - 1].Quantile)
            {
                throw new ArgumentException($"Summary '{name}' lists quantile {sorted[i].Quantile} twice.", paramName);
            }
        }

        foreach (var target in sorted)
        {
            if (!(target.Quantile > 0 && target.Quantile < 1 && target.Error > 0))
            {
                // The error bound divides by q and by 1 - q, and a zero error would keep every observation.
                throw new ArgumentException($"Summary '{name}': quantile {target.Quantile} with error {target.Error} cannot be estimated; use 0 < quantile < 1 and error > 0.", paramName);
            }
        }

        return sorted;
    }
}
