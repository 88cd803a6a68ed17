namespace Pyrometer.Testing.Containers;

/// <summary>One bucket of a <see cref="PrometheusHistogram"/>.</summary>
/// <param name="BoundaryRule">Which bounds are inclusive: 0 upper only (exclusive lower), 1 lower only, 2 neither, 3 both.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Count">The observations in the bucket.</param>
public readonly record struct PrometheusHistogramBucket(int BoundaryRule, double Lower, double Upper, double Count);
