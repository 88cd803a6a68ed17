using System.Globalization;
using System.Text.Json;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>Reads what a real Pushgateway holds: its JSON API and its own <c>/metrics</c>.</summary>
internal static class GatewayReader
{
    public static async Task<IReadOnlyList<PushedGroup>> GetGroupsAsync(PushgatewayFixture gateway)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/v1/metrics", UriKind.Relative)));
        var groups = new List<PushedGroup>();
        foreach (var group in document.RootElement.GetProperty("data").EnumerateArray())
        {
            var samples = new Dictionary<string, IReadOnlyList<(IReadOnlyDictionary<string, string>, double)>>();
            foreach (var property in group.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("metrics", out var metrics))
                {
                    samples[property.Name] = [.. metrics.EnumerateArray().Where(m => m.TryGetProperty("value", out _)).Select(m =>
                        ((IReadOnlyDictionary<string, string>)Labels(m.GetProperty("labels")),
                         double.Parse(m.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)))];
                }
            }

            groups.Add(new PushedGroup(Labels(group.GetProperty("labels")), samples));
        }

        return groups;
    }

    public static async Task<PushedGroup?> FindGroupAsync(PushgatewayFixture gateway, string job) =>
        (await GetGroupsAsync(gateway)).SingleOrDefault(g => g.Labels.TryGetValue("job", out var j) && j == job);

    /// <summary>The value of the one line of <c>/metrics</c> that starts with <paramref name="series"/> (name and labels as written).</summary>
    public static async Task<double?> GetExposedValueAsync(PushgatewayFixture gateway, string series)
    {
        var text = await gateway.GetMetricsTextAsync();
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Labels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
}
