using System.Globalization;

namespace Pyrometer.Testing.Containers;

/// <summary>One element of an instant query result: a series' labels and its value at the query time.</summary>
public sealed class PrometheusSample
{
    /// <summary>The series' labels, including <c>__name__</c> when the query keeps it.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary>The float value; <see cref="double.NaN"/> when the sample is a native histogram.</summary>
    public required double Value { get; init; }

    /// <summary>The evaluation time of the sample.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The native histogram value, when the sample is one; otherwise null.</summary>
    public PrometheusHistogram? Histogram { get; init; }

    /// <summary>The <c>__name__</c> label, or null when the query dropped it.</summary>
    public string? MetricName => Labels.TryGetValue("__name__", out var name) ? name : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        var value = Histogram is { } histogram
            ? $"histogram(count={histogram.Count.ToString(CultureInfo.InvariantCulture)}, sum={histogram.Sum.ToString(CultureInfo.InvariantCulture)})"
            : Value.ToString(CultureInfo.InvariantCulture);
        return $"{FormatLabels(Labels)} {value}";
    }

    internal static string FormatLabels(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(",", labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}=\"{label.Value}\"")) + "}";
}
