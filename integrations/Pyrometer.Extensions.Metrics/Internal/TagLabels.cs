using System.Globalization;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>Turns the tags of a measurement into a label set (on the slow path, when a tag set is first seen).</summary>
internal static class TagLabels
{
    /// <summary>
    /// Builds the labels: keys sanitized (<see cref="PrometheusNaming.LabelName"/>), values in invariant culture;
    /// tags whose keys sanitize to one name are joined with <c>;</c> in the ordinal order of their keys.
    /// </summary>
    public static Labels From(ReadOnlySpan<KeyValuePair<string, object?>> tags, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    {
        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var labels = new Labels();
        foreach (var tag in sorted)
        {
            var name = PrometheusNaming.LabelName(tag.Key);
            var value = ValueText(tag.Value);
            labels[name] = labels.TryGetValue(name, out var existing) ? existing + ";" + value : value;
        }

        foreach (var scope in scopeLabels)
        {
            labels[scope.Key] = scope.Value;
        }

        return labels;
    }

    private static string ValueText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
