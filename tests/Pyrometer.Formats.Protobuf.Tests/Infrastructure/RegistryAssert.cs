using Pyrometer.Formats.Protobuf.Schema;

namespace Pyrometer.Formats.Protobuf.Tests.Infrastructure;

/// <summary>Compares decoded families with what a registry holds, read through the registry's public API.</summary>
internal static class RegistryAssert
{
    public static void Matches(MetricRegistry registry, IReadOnlyList<MetricFamily> families)
    {
        var exposed = registry.Collectors.Where(c => c.SeriesCount > 0).ToArray();
        Assert.Equal(exposed.Select(c => c.Name), families.Select(f => f.Name));
        for (var i = 0; i < exposed.Length; i++)
        {
            Matches(registry, exposed[i], families[i]);
        }
    }

    private static void Matches(MetricRegistry registry, Collector collector, MetricFamily family)
    {
        Assert.Equal(collector.Help, family.Help);
        Assert.Equal(collector.Unit is not null, family.HasUnit);
        Assert.Equal(collector.Unit ?? "", family.Unit);
        switch (collector)
        {
            case Counter counter:
                Assert.Equal(Schema.MetricType.Counter, family.Type);
                Each(registry, counter, family, (series, metric) => CheckCounter(series, metric.Counter));
                break;
            case Gauge gauge:
                Assert.Equal(Schema.MetricType.Gauge, family.Type);
                Each(registry, gauge, family, (series, metric) => Assert.Equal(series.Value, metric.Gauge.Value));
                break;
            case Histogram histogram:
                Assert.Equal(Schema.MetricType.Histogram, family.Type);
                Each(registry, histogram, family, (series, metric) => CheckHistogram(histogram, series, metric.Histogram));
                break;
            case Summary summary:
                Assert.Equal(Schema.MetricType.Summary, family.Type);
                Each(registry, summary, family, (series, metric) => CheckSummary(summary, series, metric.Summary));
                break;
            default:
                Assert.Fail($"Unexpected collector {collector.GetType().Name}.");
                break;
        }
    }

    private static void Each<TSeries>(MetricRegistry registry, Collector<TSeries> collector, MetricFamily family, Action<TSeries, Metric> check)
        where TSeries : MetricSeries
    {
        var series = collector.Series.ToArray();
        Assert.Equal(series.Length, family.Metric.Count);
        for (var i = 0; i < series.Length; i++)
        {
            var metric = family.Metric[i];
            var expected = registry.ConstLabels
                .Concat(collector.ConstLabels)
                .Concat(series[i].LabelNames.Zip(series[i].LabelValues, (name, value) => new KeyValuePair<string, string>(name, value)));
            Assert.Equal(expected, metric.Pairs());
            Assert.False(metric.HasTimestampMs);
            check(series[i], metric);
        }
    }

    private static void CheckCounter(CounterSeries series, Schema.Counter counter)
    {
        Assert.Equal(series.Value, counter.Value);
        Assert.Equal(series.Created, counter.CreatedTimestamp.ToDateTimeOffset());
        CheckExemplar(series.Exemplar, counter.Exemplar);
    }

    private static void CheckHistogram(Pyrometer.Histogram histogram, HistogramSeries series, Schema.Histogram decoded)
    {
        var snapshot = new HistogramSnapshot();
        series.CopySnapshot(snapshot);
        Assert.Equal((ulong)snapshot.Count, decoded.SampleCount);
        Assert.Equal(snapshot.Sum, decoded.SampleSum);
        if (histogram.HasClassicBuckets)
        {
            Assert.Equal(histogram.UpperBounds, decoded.Bucket.Select(b => b.UpperBound));
            Assert.Equal(snapshot.CumulativeCounts.ToArray().Select(c => (ulong)c), decoded.Bucket.Select(b => b.CumulativeCount));
            for (var i = 0; i < decoded.Bucket.Count; i++)
            {
                CheckExemplar(series.GetExemplar(i), decoded.Bucket[i].Exemplar);
            }
        }
        else
        {
            Assert.Empty(decoded.Bucket);
            CheckExemplar(series.GetExemplar(0), decoded.Exemplars.SingleOrDefault());
        }

        Assert.Equal(series.Created, decoded.CreatedTimestamp.ToDateTimeOffset());
        if (histogram.HasClassicBuckets)
        {
            Assert.Empty(decoded.Exemplars);
        }

        if (histogram.HasNativeBuckets)
        {
            NativeAssert.Matches(snapshot, decoded);
        }
        else
        {
            // Classic only: no native fields, so Prometheus does not read it as a native histogram.
            Assert.False(decoded.HasSchema);
            Assert.False(decoded.HasZeroThreshold);
            Assert.Empty(decoded.PositiveSpan);
            Assert.Empty(decoded.NegativeSpan);
        }
    }

    private static void CheckSummary(Pyrometer.Summary summary, SummarySeries series, Schema.Summary decoded)
    {
        var values = new double[summary.Quantiles.Count];
        var count = series.GetSnapshot(values, out var sum);
        Assert.Equal((ulong)count, decoded.SampleCount);
        Assert.Equal(sum, decoded.SampleSum);
        Assert.Equal(summary.Quantiles.Select(q => q.Quantile), decoded.Quantile.Select(q => q.Quantile_));
        Assert.Equal(values, decoded.Quantile.Select(q => q.Value));
        Assert.Equal(series.Created, decoded.CreatedTimestamp.ToDateTimeOffset());
    }

    private static void CheckExemplar(RecordedExemplar? expected, Schema.Exemplar? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Labels, actual.Label.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)));
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Timestamp, actual.Timestamp.ToDateTimeOffset());
    }
}
