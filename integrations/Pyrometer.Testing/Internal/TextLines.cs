namespace Pyrometer.Testing.Internal;

/// <summary>Line comparisons of text expositions.</summary>
internal static class TextLines
{
    public static List<string> Normalize(string text, TextComparison comparison)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || ((comparison & TextComparison.IgnoreHelp) != 0 && line.StartsWith("# HELP ", StringComparison.Ordinal)))
            {
                continue;
            }

            lines.Add(line);
        }

        return lines;
    }

    public static string? CompareInOrder(List<string> expected, List<string> actual)
    {
        var count = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < count; i++)
        {
            if (!string.Equals(expected[i], actual[i], StringComparison.Ordinal))
            {
                return $"Line {i + 1} differs:{Environment.NewLine}  expected: {expected[i]}{Environment.NewLine}  actual:   {actual[i]}";
            }
        }

        if (expected.Count > count)
        {
            return $"Line {count + 1} is missing:{Environment.NewLine}  expected: {expected[count]}{Environment.NewLine}  actual:   (end of exposition)";
        }

        return actual.Count > count
            ? $"Line {count + 1} is unexpected:{Environment.NewLine}  expected: (end of expected text){Environment.NewLine}  actual:   {actual[count]}"
            : null;
    }

    public static string? CompareAsSets(List<string> expected, List<string> actual)
    {
        var remaining = actual.GroupBy(line => line, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var line in expected)
        {
            if (remaining.TryGetValue(line, out var left) && left > 0)
            {
                remaining[line] = left - 1;
            }
            else
            {
                missing.Add(line);
            }
        }

        var unexpected = new List<string>();
        foreach (var line in actual)
        {
            if (remaining[line] > 0)
            {
                remaining[line]--;
                unexpected.Add(line);
            }
        }

        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return null;
        }

        var message = new List<string> { "The expositions differ (in any order):" };
        message.AddRange(missing.Select(line => $"  missing:    {line}"));
        message.AddRange(unexpected.Select(line => $"  unexpected: {line}"));
        return string.Join(Environment.NewLine, message);
    }
}
