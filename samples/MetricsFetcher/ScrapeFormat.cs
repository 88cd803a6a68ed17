namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>The formats the fetcher can ask for, by their <c>--format</c> names.</summary>
internal enum ScrapeFormat
{
    /// <summary>Prometheus text format 0.0.4.</summary>
    Text,

    /// <summary>OpenMetrics 1.0.0.</summary>
    OpenMetrics,

    /// <summary>Delimited protobuf <c>io.prometheus.client.MetricFamily</c> messages (aioprometheus' "binary").</summary>
    Binary,
}
