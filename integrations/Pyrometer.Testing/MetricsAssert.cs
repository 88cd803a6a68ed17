using System.Globalization;
using Pyrometer.Testing.Internal;

namespace Pyrometer.Testing;

/// <summary>
/// Reads series out of a registry and asserts on them, in the spirit of client_golang's testutil. A series is
/// named as the text format shows it: <c>http_requests_total{method="get",code="200"}</c> (labels in any order),
/// <c>request_seconds_count</c>, <c>request_seconds_bucket{le="0.5"}</c>.
/// </summary>
public static class MetricsAssert
{
    /// <summary>Collects <paramref name="registry"/> and returns the value of <paramref name="series"/>, or null when it is not exposed.</summary>
    /// <exception cref="ArgumentException"><paramref name="series"/> is not a series selector.</exception>
    public static async Task<double?> GetValueAsync(MetricRegistry registry, string series, CancellationToken cancellationToken = default) =>
        (await ReadAsync(registry, Parse(series), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Runs <paramref name="block"/> and throws unless <paramref name="series"/> grew by exactly <paramref name="delta"/>
    /// (a series not yet exposed counts as 0), such as a counter by 1 or a histogram's <c>_count</c> by the
    /// observations made.
    /// </summary>
    /// <exception cref="MetricsAssertionException">The series changed by another amount; the message gives both values, or,
    /// when the series was exposed neither before nor after the block, says so and lists the series exposed under its name.</exception>
    public static async Task ChangedByAsync(MetricRegistry registry, string series, double delta, Func<Task> block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        var wanted = Parse(series);
        var (before, _) = await ReadAsync(registry, wanted, cancellationToken).ConfigureAwait(false);
        await block().ConfigureAwait(false);
        var (after, namesakes) = await ReadAsync(registry, wanted, cancellationToken).ConfigureAwait(false);
        var change = (after ?? 0) - (before ?? 0);
        if (change == delta)
        {
            return;
        }

        if (before is null && after is null)
        {
            throw new MetricsAssertionException(string.Create(
                CultureInfo.InvariantCulture,
                $"{series} is not exposed, neither before nor after the block, so it did not change by {delta}. {DescribeNamesakes(wanted.Name, namesakes)}"));
        }

        throw new MetricsAssertionException(string.Create(
            CultureInfo.InvariantCulture,
            $"{series} changed by {change} (from {before ?? 0} to {after ?? 0}), expected by {delta}."));
    }

    /// <summary>Runs <paramref name="block"/> and asserts as <see cref="ChangedByAsync(MetricRegistry, string, double, Func{Task}, CancellationToken)"/>.</summary>
    /// <exception cref="MetricsAssertionException">The series changed by another amount.</exception>
    public static Task ChangedByAsync(MetricRegistry registry, string series, double delta, Action block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return ChangedByAsync(registry, series, delta, () =>
        {
            block();
            return Task.CompletedTask;
        });
    }

    // One collection: the wanted series' value (null when it is not exposed) and, when it is not, the series
    // exposed under its name with other labels, for the failure message.
    private static async Task<(double? Value, List<ExposedSample> Namesakes)> ReadAsync(
        MetricRegistry registry, (string Name, Dictionary<string, string> Labels) wanted, CancellationToken cancellationToken)
    {
        var text = await MetricsText.CollectAsync(registry, cancellationToken).ConfigureAwait(false);
        var namesakes = new List<ExposedSample>();
        foreach (var family in ExpositionReader.Read(text))
        {
            foreach (var sample in family.Samples)
            {
                if (sample.Name != wanted.Name)
                {
                    continue;
                }

                if (SameLabels(sample.Labels, wanted.Labels))
                {
                    return (sample.Value, namesakes);
                }

                namesakes.Add(sample);
            }
        }

        return (null, namesakes);
    }

    private static string DescribeNamesakes(string name, List<ExposedSample> namesakes)
    {
        const int Shown = 5;
        if (namesakes.Count == 0)
        {
            return $"No series is named {name}.";
        }

        var shown = string.Join(", ", namesakes.Take(Shown).Select(sample =>
            $"{name}{{{string.Join(",", sample.Labels.Select(label => $"{label.Key}=\"{Escape(label.Value)}\""))}}}"));
        var more = namesakes.Count > Shown ? string.Create(CultureInfo.InvariantCulture, $" and {namesakes.Count - Shown} more") : string.Empty;
        return $"Series named {name}: {shown}{more} (a selector names every label of its series, const labels included).";
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static (string Name, Dictionary<string, string> Labels) Parse(string series)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        try
        {
            var (name, labels, end) = ExpositionReader.ParseSeries(series.Trim());
            return end == series.Trim().Length
                ? (name, labels)
                : throw new ArgumentException($"'{series}' is not a series selector: unexpected text after the labels.", nameof(series));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(series), exception);
        }
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string> exposed, Dictionary<string, string> wanted) =>
        exposed.Count == wanted.Count && wanted.All(pair => exposed.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
