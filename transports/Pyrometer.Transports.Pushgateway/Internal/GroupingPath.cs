using System.Text;

namespace Pyrometer.Transports.Pushgateway.Internal;

/// <summary>
/// The path of a group, <c>metrics/job/&lt;job&gt;{/&lt;label&gt;/&lt;value&gt;}</c>: values holding <c>/</c> go as
/// URL-safe base64 (<c>name@base64/…</c>), empty values as <c>name@base64/=</c>, others percent-encoded.
/// </summary>
internal static class GroupingPath
{
    public static string Build(string job, IEnumerable<KeyValuePair<string, string>> groupingKey)
    {
        var path = new StringBuilder("metrics");
        Append(path, "job", job);
        foreach (var label in groupingKey.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Append(path, label.Key, label.Value);
        }

        return path.ToString();
    }

    public static void Append(StringBuilder path, string name, string value)
    {
        path.Append('/').Append(name);
        if (value.Length == 0)
        {
            path.Append("@base64/=");
        }
        else if (value.Contains('/'))
        {
            path.Append("@base64/").Append(ToBase64Url(value));
        }
        else
        {
            path.Append('/').Append(Uri.EscapeDataString(value));
        }
    }

    public static string ToBase64Url(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
}
