using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>
/// Counts observations (typically durations or sizes) into buckets, keeping their sum and count: classic buckets
/// with fixed bounds, native (exponential) buckets (<see cref="HistogramOptions.Native"/>), or both. Without
/// labels, use it directly; with labels, address series with <c>WithLabels(...)</c> and keep the handles.
/// </summary>
/// <remarks>Thread-safe: any number of threads may observe, read and remove its series at once, and every reading is
/// consistent (the count equals the buckets' total). Observations are plain numbers; the timing helpers
/// (<c>StartTimer</c>, <c>Time</c>, <c>TimeAsync</c>) observe seconds.</remarks>
public sealed class Histogram : Collector<HistogramSeries>, IValueObserver
{
    /// <summary>Creates a histogram outside any registry; add it to one with <see cref="MetricRegistry.Register"/>.</summary>
    /// <exception cref="ArgumentException">A name is invalid or reserved, the help text is empty, or an option is invalid.</exception>
    public Histogram(string name, string help, HistogramOptions? options = null)
        : this(name, help, options ?? new(), null)
    {
    }

    internal Histogram(string name, string help, HistogramOptions options, TimeProvider? defaultTime)
        : base(name, help, MetricType.Histogram, options, defaultTime, reservedLabelName: "le")
    {
        NativeLayout = options.Native is { } native ? NativeLayout.From(native, name, nameof(options)) : null;
        HasClassicBuckets = NativeLayout is null || options.Buckets is not null;
        UpperBoundArray = ValidatedBounds(options.Buckets ?? (HasClassicBuckets ? Buckets.Default : []), name, nameof(options));
        FiniteBounds = BucketSearch.FiniteBounds(UpperBoundArray);
    }

    /// <summary>
    /// Gets the classic bucket upper bounds, strictly increasing, the last being +Inf; only +Inf for a
    /// native-only histogram, whose text exposition is that bucket, the sum and the count.
    /// </summary>
    public IReadOnlyList<double> UpperBounds => UpperBoundArray;

    /// <summary>Gets whether the histogram has classic buckets (false for a native-only histogram).</summary>
    public bool HasClassicBuckets { get; }

    /// <summary>Gets whether the histogram keeps native buckets, set with <see cref="HistogramOptions.Native"/>.</summary>
    public bool HasNativeBuckets => NativeLayout is not null;

    internal double[] UpperBoundArray { get; }

    /// <summary>Gets <see cref="UpperBoundArray"/> without its last bound, +Inf, for <see cref="BucketSearch.IndexOf"/>.</summary>
    internal double[] FiniteBounds { get; }

    internal NativeLayout? NativeLayout { get; }

    /// <summary>Records an observation in the series without labels; NaN counts, in the +Inf bucket and no native bucket, and makes the sum NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(double value) => Unlabelled.Observe(value);

    /// <summary>
    /// Records an observation in the series without labels and keeps <paramref name="exemplar"/> as the latest
    /// exemplar of the bucket the value falls in.
    /// </summary>
    /// <exception cref="InvalidOperationException">The histogram declares label names.</exception>
    public void Observe(double value, Exemplar exemplar) => Unlabelled.Observe(value, exemplar);

    /// <summary>Records an observation in the series with these labels.</summary>
    public void Observe(Labels labels, double value) => WithLabels(labels).Observe(value);

    internal override string? DescribeDifference(Collector other)
    {
        var histogram = (Histogram)other;
        return base.DescribeDifference(other) ??
            (histogram.UpperBoundArray.AsSpan().SequenceEqual(UpperBoundArray) && histogram.HasClassicBuckets == HasClassicBuckets ? null : "buckets differ from the registered ones") ??
            ((histogram.NativeLayout is null && NativeLayout is null) || (NativeLayout?.SameAs(histogram.NativeLayout) ?? false) ? null : "native bucket options differ from the registered ones");
    }

    private protected override HistogramSeries CreateSeries(string[] labelNames, string[] labelValues, int hash) =>
        new(this, labelNames, labelValues, hash);

    private static double[] ValidatedBounds(IReadOnlyList<double> buckets, string name, string paramName)
    {
        var bounds = new List<double>(buckets.Count + 1);
        foreach (var bound in buckets)
        {
            if (double.IsNaN(bound))
            {
                throw new ArgumentException($"Histogram '{name}' has a NaN bucket bound.", paramName);
            }

            if (bounds.Count > 0 && !(bound > bounds[^1]))
            {
                throw new ArgumentException($"Histogram '{name}' buckets must be strictly increasing, but {bound} follows {bounds[^1]}.", paramName);
            }

            bounds.Add(bound);
        }

        if (bounds.Count == 0 || !double.IsPositiveInfinity(bounds[^1]))
        {
            bounds.Add(double.PositiveInfinity);
        }

        return [.. bounds];
    }
}
