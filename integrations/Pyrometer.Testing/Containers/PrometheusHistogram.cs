namespace Pyrometer.Testing.Containers;

/// <summary>A native histogram value as the query API returns it.</summary>
/// <param name="Count">The number of observations.</param>
/// <param name="Sum">The sum of the observations.</param>
/// <param name="Buckets">The populated buckets, lowest first.</param>
public sealed record PrometheusHistogram(double Count, double Sum, IReadOnlyList<PrometheusHistogramBucket> Buckets);
