using Pyrometer.Testing.Internal;

namespace Pyrometer.Testing;

/// <summary>
/// Checks a registry's families against the naming rules <c>promtool check metrics</c> applies (a subset, in C#):
/// counters end in <c>_total</c>, nothing else does; names are snake_case; units are base units (seconds, bytes)
/// spelled out as a suffix; no reserved suffix on a family that is not a histogram or summary; every family has HELP.
/// </summary>
public static class MetricsLint
{
    private static readonly (string Suffix, string Unit)[] NonBaseUnits =
    [
        ("_milliseconds", "seconds"), ("_microseconds", "seconds"), ("_nanoseconds", "seconds"), ("_ms", "seconds"),
        ("_minutes", "seconds"), ("_hours", "seconds"), ("_days", "seconds"),
        ("_kilobytes", "bytes"), ("_megabytes", "bytes"), ("_gigabytes", "bytes"), ("_kb", "bytes"), ("_mb", "bytes"),
        ("_percent", "ratio"),
    ];

    /// <summary>Collects <paramref name="registry"/> and returns one line per problem (empty when there is none).</summary>
    public static async Task<IReadOnlyList<string>> LintAsync(MetricRegistry registry, CancellationToken cancellationToken = default) =>
        Lint(await MetricsText.CollectAsync(registry, cancellationToken).ConfigureAwait(false));

    /// <summary>Lints a Prometheus text exposition; returns one line per problem, each naming the family.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="exposition"/> is null.</exception>
    public static IReadOnlyList<string> Lint(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var problems = new List<string>();
        foreach (var family in ExpositionReader.Read(exposition))
        {
            LintFamily(family, problems);
        }

        return problems;
    }

    /// <summary>Collects <paramref name="registry"/> and throws when <see cref="LintAsync"/> finds a problem.</summary>
    /// <exception cref="MetricsAssertionException">A family breaks a rule; the message lists every problem.</exception>
    public static async Task AssertCleanAsync(MetricRegistry registry, CancellationToken cancellationToken = default)
    {
        var problems = await LintAsync(registry, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new MetricsAssertionException($"The registry breaks {problems.Count} naming rules:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    private static void LintFamily(ExposedFamily family, List<string> problems)
    {
        var name = family.Name;
        if (string.IsNullOrEmpty(family.Help))
        {
            problems.Add($"{name}: no help text");
        }

        if (family.Type == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            problems.Add($"{name}: counter metrics should have \"_total\" suffix");
        }

        if (family.Type != "counter" && name.EndsWith("_total", StringComparison.Ordinal))
        {
            problems.Add($"{name}: non-counter metrics should not have \"_total\" suffix");
        }

        if (family.Type is not ("histogram" or "summary") && (name.EndsWith("_count", StringComparison.Ordinal) || name.EndsWith("_sum", StringComparison.Ordinal) || name.EndsWith("_bucket", StringComparison.Ordinal)))
        {
            problems.Add($"{name}: non-histogram and non-summary metrics should not have \"_count\", \"_sum\" or \"_bucket\" suffixes");
        }

        if (name.Any(char.IsUpper))
        {
            problems.Add($"{name}: metric names should be written in 'snake_case' not 'camelCase'");
        }

        if (name.Contains("__", StringComparison.Ordinal) || name.StartsWith('_'))
        {
            problems.Add($"{name}: metric names should not start with '_' or contain '__' (reserved)");
        }

        var unitless = name.EndsWith("_total", StringComparison.Ordinal) ? name[..^"_total".Length] : name;
        foreach (var (suffix, unit) in NonBaseUnits)
        {
            if (unitless.EndsWith(suffix, StringComparison.Ordinal) || unitless.Contains(suffix + "_", StringComparison.Ordinal))
            {
                problems.Add($"{name}: use base unit \"{unit}\" instead of \"{suffix[1..]}\"");
            }
        }

        foreach (var label in family.Samples.SelectMany(sample => sample.Labels.Keys).Distinct(StringComparer.Ordinal).Where(label => label != "le" && label != "quantile"))
        {
            if (label.Any(char.IsUpper))
            {
                problems.Add($"{name}: label names should be written in 'snake_case' not 'camelCase' ({label})");
            }
        }
    }
}
