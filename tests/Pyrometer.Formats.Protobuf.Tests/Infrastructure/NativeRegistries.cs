using Microsoft.Extensions.Time.Testing;
using Pyrometer.Formats.Text.Tests.Infrastructure;

namespace Pyrometer.Formats.Protobuf.Tests.Infrastructure;

/// <summary>Registries of native histograms in every layout the protobuf format writes, on a fake clock.</summary>
internal static class NativeRegistries
{
    public static readonly string[] LayoutNames = ["empty", "zero_only", "gaps", "reduced", "classic_and_native", "native_only"];

    /// <summary>One native histogram per layout, named <c>layout_&lt;layout&gt;</c>; values sit on schema 0 bounds 2^k.</summary>
    public static MetricRegistry Layouts()
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = new FakeTimeProvider(SampleRegistries.Start) });

        // No observation and zero threshold 0: only the no-op span tells Prometheus it is native.
        Create(registry, "empty", new NativeHistogramOptions { ZeroThreshold = 0 });
        var zeroOnly = Create(registry, "zero_only", new NativeHistogramOptions());
        zeroOnly.Observe(0);
        zeroOnly.Observe(-1e-40);

        // Schema 0: bucket k holds (2^(k-1), 2^k]. Positive buckets 0, 1, 4 (a gap of two) and 10 (a gap of five);
        // negative buckets -2 and 2 (a gap of three).
        var gaps = Create(registry, "gaps", new NativeHistogramOptions { Schema = 0 });
        foreach (var value in new[] { 1, 2, 2, 16, 1024, -0.25, -3, -3, 0 })
        {
            gaps.Observe(value);
        }

        // Schema 1 with at most four buckets: the fifth halves the resolution to schema 0.
        var reduced = Create(registry, "reduced", new NativeHistogramOptions { Schema = 1, MaxBucketCount = 4 });
        foreach (var value in new[] { Math.Sqrt(2), 2, 2 * Math.Sqrt(2), 4, 4 * Math.Sqrt(2) })
        {
            reduced.Observe(value);
        }

        var both = Create(registry, "classic_and_native", new NativeHistogramOptions { Schema = 0 }, buckets: [1, 2]);
        foreach (var value in new[] { 0.5, 1.5, 3, 3 })
        {
            both.Observe(value);
        }

        var nativeOnly = Create(registry, "native_only", new NativeHistogramOptions { Schema = 3 });
        foreach (var value in new[] { 0.1, 0.2, 0.3, 7.5 })
        {
            nativeOnly.Observe(value);
        }

        nativeOnly.Observe(-1, Exemplar.From("trace_id", "native-1"));

        return registry;
    }

    /// <summary>Native histogram series with a few buckets each, beside the same number of classic ones.</summary>
    public static MetricRegistry Large(int seriesCount)
    {
        var registry = new MetricRegistry(new MetricRegistryOptions { TimeProvider = new FakeTimeProvider(SampleRegistries.Start) });
        var native = registry.CreateHistogram("app_native_seconds", "Native.", new HistogramOptions { LabelNames = ["operation"], Native = new() });
        var both = registry.CreateHistogram("app_both_seconds", "Both.", new HistogramOptions { LabelNames = ["operation"], Native = new(), Buckets = [0.1, 1, 10] });
        for (var i = 0; i < seriesCount / 2; i++)
        {
            var label = "op-" + i;
            foreach (var histogram in new[] { native, both })
            {
                var series = histogram.WithLabels(label);
                series.Observe(i / 1000.0);
                series.Observe(i);
                series.Observe(-i);
                series.Observe(0);
            }
        }

        return registry;
    }

    private static Histogram Create(MetricRegistry registry, string layout, NativeHistogramOptions native, double[]? buckets = null) =>
        registry.CreateHistogram("layout_" + layout, "Layout " + layout + ".", new HistogramOptions { Native = native, Buckets = buckets });
}
