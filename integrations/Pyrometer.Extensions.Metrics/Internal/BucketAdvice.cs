using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>Reads an instrument's histogram bucket advice, which runtimes from .NET 9 carry.</summary>
internal static class BucketAdvice
{
    /// <summary>OpenTelemetry's default explicit bucket boundaries.</summary>
    public static IReadOnlyList<double> OpenTelemetryDefault { get; } = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static IReadOnlyList<double>? Of(Instrument instrument)
    {
#if NET9_0_OR_GREATER
        return instrument switch
        {
            Instrument<double> i => i.Advice?.HistogramBucketBoundaries,
            Instrument<float> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => v),
            Instrument<long> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => v),
            Instrument<int> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => v),
            Instrument<short> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => v),
            Instrument<byte> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => v),
            Instrument<decimal> i => Converted(i.Advice?.HistogramBucketBoundaries, static v => (double)v),
            _ => null,
        };
#else
        _ = instrument;
        return null;
#endif
    }

#if NET9_0_OR_GREATER
    private static double[]? Converted<T>(IReadOnlyList<T>? bounds, Func<T, double> convert) =>
        bounds?.Select(convert).ToArray();
#endif
}
