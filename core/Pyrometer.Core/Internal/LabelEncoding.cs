using System.Text;

namespace Pyrometer.Internal;

/// <summary>
/// Encodes label pairs once into the canonical escaped UTF-8 form <c>name="value",name2="value2"</c>
/// that both text formats write verbatim.
/// </summary>
internal static class LabelEncoding
{
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> first, ReadOnlySpan<string> names, ReadOnlySpan<string> values)
    {
        var builder = new StringBuilder();
        foreach (var pair in first)
        {
            Append(builder, pair.Key, pair.Value);
        }

        for (var i = 0; i < names.Length; i++)
        {
            Append(builder, names[i], values[i]);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append(',');
        }

        builder.Append(name).Append("=\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
