namespace Pyrometer;

/// <summary>
/// Options of a histogram's native (exponential, sparse) buckets, which only the protobuf format exposes. Bucket
/// boundaries are powers of base = 2^(2^−schema): schema 0 doubles the bound from bucket to bucket, schema 8 adds
/// 0.27 %. Observations within the zero threshold of 0 go in the zero bucket.
/// </summary>
public sealed class NativeHistogramOptions
{
    /// <summary>The default <see cref="ZeroThreshold"/>, 2^−128.</summary>
    public const double DefaultZeroThreshold = 2.938735877055719e-39;

    /// <summary>The default <see cref="Schema"/>, 5: 32 buckets per power of two, each about 2.2 % wider than the last.</summary>
    public const int DefaultSchema = 5;

    /// <summary>The default <see cref="MaxBucketCount"/>, 160.</summary>
    public const int DefaultMaxBucketCount = 160;

    /// <summary>
    /// Gets or sets the initial schema, from −4 (each bound 65 536 times the last) to 8 (each 2^(1/256) times the
    /// last). Default: <see cref="DefaultSchema"/>, unless <see cref="BucketFactor"/> is set. Set one or the other.
    /// </summary>
    public int? Schema { get; set; }

    /// <summary>
    /// Gets or sets the largest ratio wanted between a bucket's upper and lower bound; the histogram takes the
    /// coarsest schema whose base does not exceed it (1.1 gives schema 3, 2 gives schema 0), or schema 8 when the
    /// factor is below 2^(1/256). Must be greater than 1. Default: none (see <see cref="Schema"/>).
    /// </summary>
    public double? BucketFactor { get; set; }

    /// <summary>
    /// Gets or sets the initial zero threshold: observations whose magnitude is at most this go in the zero bucket.
    /// Must be zero or positive and finite. Default: <see cref="DefaultZeroThreshold"/>.
    /// </summary>
    public double ZeroThreshold { get; set; } = DefaultZeroThreshold;

    /// <summary>
    /// Gets or sets how far the zero threshold may widen, swallowing the buckets nearest zero, to stay within
    /// <see cref="MaxBucketCount"/>. Must be at least <see cref="ZeroThreshold"/> and finite. Default: none, the
    /// zero threshold never widens.
    /// </summary>
    public double? MaxZeroThreshold { get; set; }

    /// <summary>
    /// Gets or sets the most buckets (positive and negative, not counting the zero bucket) a series keeps. When a
    /// new bucket goes past it, the series resets if <see cref="MinResetDuration"/> has passed since its last
    /// reset, else widens the zero bucket if <see cref="MaxZeroThreshold"/> allows, else halves its resolution
    /// (schema − 1, merging buckets 2k−1 and 2k into k). The limit is kept approximately while observers race on
    /// new buckets. 0 means no limit. Default: <see cref="DefaultMaxBucketCount"/>.
    /// </summary>
    public int MaxBucketCount { get; set; } = DefaultMaxBucketCount;

    /// <summary>
    /// Gets or sets how long a series keeps its counts before going past <see cref="MaxBucketCount"/> may reset
    /// it (all counts to zero, back to the initial schema and zero threshold) instead of lowering its resolution.
    /// Measured with the collector's <see cref="CollectorOptions.TimeProvider"/>. Zero means never reset. Must not
    /// be negative. Default: zero.
    /// </summary>
    public TimeSpan MinResetDuration { get; set; }
}
