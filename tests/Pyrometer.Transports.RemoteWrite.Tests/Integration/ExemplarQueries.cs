using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pyrometer.Testing.Containers;
using Pyrometer.TestUtils;

namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>Reads Prometheus' <c>/api/v1/query_exemplars</c>: the exemplars it stored for the series a selector picks.</summary>
internal static class ExemplarQueries
{
    /// <summary>Polls (every 250 ms, up to 30 s) until the selector's series hold at least one exemplar, and returns them per series.</summary>
    public static async Task<IReadOnlyList<StoredExemplar>> WaitForExemplarsAsync(this PrometheusContainer prometheus, string selector, DateTimeOffset start)
    {
        using var client = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var elapsed = Stopwatch.StartNew();
        var body = string.Empty;
        while (elapsed.Elapsed < PrometheusContainer.DefaultWaitTimeout)
        {
            var end = DateTimeOffset.UtcNow.AddMinutes(1);
            var uri = string.Create(CultureInfo.InvariantCulture, $"api/v1/query_exemplars?query={Uri.EscapeDataString(selector)}&start={start.AddMinutes(-1).ToUnixTimeSeconds()}&end={end.ToUnixTimeSeconds()}");
            body = await client.GetStringAsync(new Uri(uri, UriKind.Relative));
            var stored = Parse(body);
            if (stored.Count > 0)
            {
                return stored;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No exemplar for '{selector}' within {PrometheusContainer.DefaultWaitTimeout}; last answer: {body}");
    }

    private static List<StoredExemplar> Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"query_exemplars failed: {body}");
        }

        var stored = new List<StoredExemplar>();
        foreach (var series in root.GetProperty("data").EnumerateArray())
        {
            var seriesLabels = Labels(series.GetProperty("seriesLabels"));
            foreach (var exemplar in series.GetProperty("exemplars").EnumerateArray())
            {
                stored.Add(new StoredExemplar(
                    seriesLabels,
                    Labels(exemplar.GetProperty("labels")),
                    double.Parse(exemplar.GetProperty("value").GetString()!, CultureInfo.InvariantCulture),
                    DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(exemplar.GetProperty("timestamp").GetDouble() * 1000))));
            }
        }

        return stored;
    }

    private static Dictionary<string, string> Labels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
}
