using System.Text;

namespace Pyrometer.Formats.Text.Internal;

/// <summary>Escapes help text for a <c># HELP</c> line.</summary>
internal static class HelpText
{
    /// <summary>
    /// Escapes <c>\</c> and line feeds, and double quotes when <paramref name="escapeQuotes"/> is set. Text 0.0.4
    /// must leave quotes alone: Prometheus unescapes only <c>\\</c> and <c>\n</c> in its HELP lines, so an escaped
    /// quote would show as <c>\"</c>. OpenMetrics unescapes all three.
    /// </summary>
    public static string Escape(string help, bool escapeQuotes)
    {
        var builder = new StringBuilder(help.Length + 8);
        foreach (var c in help)
        {
            switch (c)
            {
                case '\\': builder.Append(@"\\"); break;
                case '\n': builder.Append(@"\n"); break;
                case '"' when escapeQuotes: builder.Append("\\\""); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
