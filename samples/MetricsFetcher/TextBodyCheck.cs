using System.Globalization;
using System.Text.RegularExpressions;

namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>
/// A line-by-line check of the text formats, enough to tell a metrics page from something else: every line is a
/// comment or a sample (<c>name{label="value",...} value [timestamp]</c>, in OpenMetrics with an optional exemplar),
/// and an OpenMetrics body ends with <c># EOF</c>. promtool does the full check.
/// </summary>
internal static partial class TextBodyCheck
{
    /// <exception cref="FormatException">A line is neither, naming its number.</exception>
    public static void Validate(string text, bool openMetrics)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success || !IsNumber(match.Groups["value"].Value))
            {
                var shown = line.Length > 80 ? line[..80] + "..." : line;
                throw new FormatException($"line {i + 1} is not a sample: '{shown}'");
            }
        }

        if (openMetrics && !text.EndsWith("# EOF\n", StringComparison.Ordinal) && !text.EndsWith("# EOF", StringComparison.Ordinal))
        {
            throw new FormatException("an OpenMetrics body must end with '# EOF'");
        }
    }

    private static bool IsNumber(string value) =>
        value is "NaN" or "+Inf" or "-Inf" or "Inf" or "+inf" or "-inf"
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{(\s*[a-zA-Z_][a-zA-Z0-9_]*\s*=\s*"(?:[^"\\]|\\.)*"\s*,?)*\})?[ \t]+(?<value>\S+)([ \t]+-?[0-9.eE+-]+)?([ \t]+#[ \t].*)?[ \t]*$""")]
    private static partial Regex SampleLine();
}
