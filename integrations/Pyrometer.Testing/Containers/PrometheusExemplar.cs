using System.Globalization;

namespace Pyrometer.Testing.Containers;

/// <summary>One exemplar Prometheus stored (<c>/api/v1/query_exemplars</c>): the series it belongs to, its own labels
/// (such as <c>trace_id</c>), its value and its timestamp.</summary>
public sealed class PrometheusExemplar
{
    /// <summary>The labels of the series the exemplar was attached to, including <c>__name__</c>.</summary>
    public required IReadOnlyDictionary<string, string> SeriesLabels { get; init; }

    /// <summary>The exemplar's own labels, e.g. <c>trace_id</c>.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The observed value (a histogram's observation, or a counter's increment).</summary>
    public required double Value { get; init; }

    /// <summary>When the exemplar was recorded (or scraped, when the exposition gave no timestamp).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The series' <c>__name__</c> label.</summary>
    public string? MetricName => SeriesLabels.TryGetValue("__name__", out var name) ? name : null;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{PrometheusSample.FormatLabels(SeriesLabels)} # {PrometheusSample.FormatLabels(Labels)} {Value} {Timestamp:O}");
}
