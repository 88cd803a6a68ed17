using System.Text;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>
/// OpenTelemetry's Prometheus naming: invalid characters become <c>_</c>, the unit becomes a suffix
/// (<c>s</c> → <c>_seconds</c>, <c>By</c> → <c>_bytes</c>, annotations such as <c>{request}</c> dropped, <c>1</c> →
/// <c>_ratio</c> on gauges) and counters end with <c>_total</c>.
/// </summary>
internal static class PrometheusNaming
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["TiBy"] = "tibibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["TBy"] = "terabytes",
        ["m"] = "meters",
        ["V"] = "volts",
        ["A"] = "amperes",
        ["J"] = "joules",
        ["W"] = "watts",
        ["g"] = "grams",
        ["Cel"] = "celsius",
        ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnits = new(StringComparer.Ordinal)
    {
        ["s"] = "second",
        ["m"] = "minute",
        ["h"] = "hour",
        ["d"] = "day",
        ["w"] = "week",
        ["mo"] = "month",
        ["y"] = "year",
    };

    /// <summary>Gets the Prometheus unit of an instrument unit, or null when it has none.</summary>
    public static string? UnitOf(string? unit, MetricType type)
    {
        if (unit is null)
        {
            return null;
        }

        var stripped = StripAnnotations(unit).Trim();
        if (stripped.Length == 0)
        {
            return null;
        }

        if (stripped == "1")
        {
            return type == MetricType.Gauge ? "ratio" : null;
        }

        if (Units.TryGetValue(stripped, out var known))
        {
            return known;
        }

        var slash = stripped.IndexOf('/');
        if (slash > 0 && slash < stripped.Length - 1)
        {
            var numerator = stripped.Substring(0, slash);
            var denominator = stripped.Substring(slash + 1);
            var top = Units.TryGetValue(numerator, out var n) ? n : Sanitize(numerator, allowColon: false);
            var bottom = PerUnits.TryGetValue(denominator, out var d) ? d : Sanitize(denominator, allowColon: false);
            return Trimmed(top + "_per_" + bottom);
        }

        return Trimmed(Sanitize(stripped, allowColon: false));
    }

    /// <summary>Gets the metric name of an instrument with the given Prometheus unit (see <see cref="UnitOf"/>).</summary>
    public static string MetricName(string instrumentName, string? unit, MetricType type)
    {
        var name = Trimmed(Sanitize(instrumentName, allowColon: true));
        if (type == MetricType.Counter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "_total".Length);
        }

        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name = name + "_" + unit;
        }

        if (name.Length == 0 || name[0] is >= '0' and <= '9')
        {
            name = "_" + name;
        }

        return type == MetricType.Counter ? name + "_total" : name;
    }

    /// <summary>Gets the label name of a tag key: invalid characters become <c>_</c>; names that would start with a
    /// digit or with the reserved <c>__</c> get the prefix <c>key_</c>.</summary>
    public static string LabelName(string key)
    {
        var name = Sanitize(key, allowColon: false);
        return name.Length == 0 || name[0] is >= '0' and <= '9' || name.StartsWith("__", StringComparison.Ordinal)
            ? "key_" + name.TrimStart('_')
            : name;
    }

    private static string StripAnnotations(string unit)
    {
        if (unit.IndexOf('{') < 0)
        {
            return unit;
        }

        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Replaces characters outside <c>[a-zA-Z0-9]</c> (and <c>:</c> when allowed) with <c>_</c>, one for each run (so runs of underscores collapse too).</summary>
    private static string Sanitize(string text, bool allowColon)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || (allowColon && c == ':');
            if (valid)
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString();
    }

    private static string Trimmed(string name) => name.Trim('_');
}
