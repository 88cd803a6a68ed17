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
    public static async Task<double?> GetValueAsync(MetricRegistry registry, string series, CancellationToken cancellationToken = default)
    {
        var wanted = Parse(series);
        var text = await MetricsText.CollectAsync(registry, cancellationToken).ConfigureAwait(false);
        foreach (var family in ExpositionReader.Read(text))
        {
            foreach (var sample in family.Samples)
            {
                if (sample.Name == wanted.Name && SameLabels(sample.Labels, wanted.Labels))
                {
                    return sample.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="block"/> and throws unless <paramref name="series"/> grew by exactly <paramref name="delta"/>
    /// (a series not yet exposed counts as 0), such as a counter by 1 or a histogram's <c>_count</c> by the
    /// observations made.
    /// </summary>
    /// <exception cref="MetricsAssertionException">The series changed by another amount; the message gives both values.</exception>
    public static async Task ChangedByAsync(MetricRegistry registry, string series, double delta, Func<Task> block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        var before = await GetValueAsync(registry, series, cancellationToken).ConfigureAwait(false) ?? 0;
        await block().ConfigureAwait(false);
        var after = await GetValueAsync(registry, series, cancellationToken).ConfigureAwait(false) ?? 0;
        if (after - before != delta)
        {
            throw new MetricsAssertionException(string.Create(
                CultureInfo.InvariantCulture,
                $"{series} changed by {after - before} (from {before} to {after}), expected by {delta}."));
        }
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
