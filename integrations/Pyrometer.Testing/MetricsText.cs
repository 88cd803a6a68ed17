using System.Buffers;
using System.Text;
using Pyrometer.Formats.Text;
using Pyrometer.Testing.Internal;

namespace Pyrometer.Testing;

/// <summary>A registry's Prometheus text exposition (format 0.0.4), and comparisons of such text.</summary>
public static class MetricsText
{
    /// <summary>Collects <paramref name="registry"/> (running its collect callbacks) into the Prometheus text format.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public static async Task<string> CollectAsync(MetricRegistry registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var metrics = await registry.CollectAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>();
        TextFormats.Prometheus.Write(buffer, metrics);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with <paramref name="expected"/> as text lines (leading indentation and
    /// blank lines of <paramref name="expected"/> ignored, so it can be written as an indented raw string).
    /// </summary>
    /// <returns>Null when they agree; otherwise a message naming the first differing line of each.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> or <paramref name="actual"/> is null.</exception>
    public static string? Compare(string expected, string actual, TextComparison comparison = TextComparison.Exact)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var wanted = TextLines.Normalize(expected, comparison);
        var got = TextLines.Normalize(actual, comparison);
        return (comparison & TextComparison.IgnoreOrder) != 0
            ? TextLines.CompareAsSets(wanted, got)
            : TextLines.CompareInOrder(wanted, got);
    }

    /// <summary>
    /// Collects <paramref name="registry"/> and throws unless its text exposition matches <paramref name="expected"/>
    /// (see <see cref="Compare(string, string, TextComparison)"/>).
    /// </summary>
    /// <exception cref="MetricsAssertionException">The exposition differs; the message names the differing line.</exception>
    public static async Task AssertMatchesAsync(
        MetricRegistry registry, string expected, TextComparison comparison = TextComparison.Exact, CancellationToken cancellationToken = default)
    {
        var actual = await CollectAsync(registry, cancellationToken).ConfigureAwait(false);
        if (Compare(expected, actual, comparison) is { } difference)
        {
            throw new MetricsAssertionException($"{difference}{Environment.NewLine}Whole exposition:{Environment.NewLine}{actual}");
        }
    }
}
