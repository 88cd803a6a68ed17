using System.Globalization;
using System.Text;

namespace Pyrometer.Testing.Internal;

/// <summary>Reads the Prometheus text format (as Pyrometer writes it) into families and samples.</summary>
internal static class ExpositionReader
{
    public static List<ExposedFamily> Read(string text)
    {
        var families = new List<ExposedFamily>();
        ExposedFamily? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var name = space < 0 ? rest : rest[..space];
                if (current is null || current.Name != name)
                {
                    current = new ExposedFamily(name);
                    families.Add(current);
                }

                var value = space < 0 ? "" : rest[(space + 1)..];
                if (line[2] == 'H')
                {
                    current.Help = value;
                }
                else
                {
                    current.Type = value;
                }
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                var sample = ParseSample(line);
                if (current is null || !BelongsTo(sample.Name, current.Name))
                {
                    current = new ExposedFamily(sample.Name);
                    families.Add(current);
                }

                current.Samples.Add(sample);
            }
        }

        return families;
    }

    /// <summary>Parses <c>name</c> or <c>name{label="value",...}</c> (a series selector or the front of a sample line).</summary>
    public static (string Name, Dictionary<string, string> Labels, int End) ParseSeries(string text)
    {
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (brace < 0 || (space >= 0 && space < brace))
        {
            var end = space < 0 ? text.Length : space;
            return (text[..end], new Dictionary<string, string>(StringComparer.Ordinal), end);
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = brace + 1;
        while (i < text.Length && text[i] != '}')
        {
            var equals = text.IndexOf('=', i);
            if (equals < 0 || equals + 1 >= text.Length || text[equals + 1] != '"')
            {
                throw new FormatException($"'{text}' is not a series: expected name=\"value\" at position {i}.");
            }

            var value = new StringBuilder();
            var j = equals + 2;
            for (; j < text.Length && text[j] != '"'; j++)
            {
                if (text[j] == '\\' && j + 1 < text.Length)
                {
                    j++;
                    value.Append(text[j] == 'n' ? '\n' : text[j]);
                }
                else
                {
                    value.Append(text[j]);
                }
            }

            labels[text[i..equals].Trim()] = value.ToString();
            i = j + 1;
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
        }

        if (i >= text.Length)
        {
            throw new FormatException($"'{text}' is not a series: its label set has no closing '}}'.");
        }

        return (text[..brace], labels, i + 1);
    }

    private static ExposedSample ParseSample(string line)
    {
        var (name, labels, end) = ParseSeries(line);
        var fields = line[end..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = fields.Length == 0 ? double.NaN : ParseValue(fields[0]);
        return new ExposedSample(name, labels, value);
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool BelongsTo(string sample, string family) =>
        sample == family
        || (sample.StartsWith(family, StringComparison.Ordinal) && sample[family.Length..] is "_sum" or "_count" or "_bucket" or "_total" or "_created");
}
