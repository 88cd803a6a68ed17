using System.Globalization;
using System.Text.Json;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>Reads the JSON envelope and result types of the Prometheus HTTP API (<c>/api/v1/...</c>).</summary>
internal static class PrometheusApiResponse
{
    public static IReadOnlyList<PrometheusSample> ParseQuery(string promql, string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = Data(document.RootElement, $"query '{promql}'");
        var resultType = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        return resultType switch
        {
            "vector" => [.. result.EnumerateArray().Select(ParseVectorElement)],
            "scalar" => [new PrometheusSample { Labels = new Dictionary<string, string>(), Value = ParseValue(result[1]), Timestamp = ParseTime(result[0]) }],
            _ => throw new InvalidOperationException($"query '{promql}' returned a {resultType}; QueryAsync reads vectors and scalars"),
        };
    }

    public static IReadOnlyList<PrometheusTarget> ParseTargets(string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = Data(document.RootElement, "targets");
        return [.. data.GetProperty("activeTargets").EnumerateArray().Select(target => new PrometheusTarget
        {
            Labels = ParseLabels(target.GetProperty("labels")),
            ScrapeUrl = target.GetProperty("scrapeUrl").GetString() ?? "",
            Health = target.GetProperty("health").GetString() ?? "",
            LastError = target.GetProperty("lastError").GetString() ?? "",
            LastScrape = target.GetProperty("lastScrape").GetDateTimeOffset(),
        })];
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ParseSeries(string selectors, string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = Data(document.RootElement, $"series '{selectors}'");
        return [.. data.EnumerateArray().Select(series => (IReadOnlyDictionary<string, string>)ParseLabels(series))];
    }

    public static IReadOnlyList<PrometheusMetadata> ParseMetadata(string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = Data(document.RootElement, "metadata");
        return [.. data.EnumerateObject().SelectMany(metric => metric.Value.EnumerateArray().Select(entry => new PrometheusMetadata
        {
            Metric = metric.Name,
            Type = entry.GetProperty("type").GetString() ?? "",
            Help = entry.GetProperty("help").GetString() ?? "",
            Unit = entry.GetProperty("unit").GetString() ?? "",
        }))];
    }

    public static IReadOnlyList<PrometheusExemplar> ParseExemplars(string selector, string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = Data(document.RootElement, $"exemplar query '{selector}'");
        var exemplars = new List<PrometheusExemplar>();
        foreach (var series in data.EnumerateArray())
        {
            var seriesLabels = ParseLabels(series.GetProperty("seriesLabels"));
            exemplars.AddRange(series.GetProperty("exemplars").EnumerateArray().Select(exemplar => new PrometheusExemplar
            {
                SeriesLabels = seriesLabels,
                Labels = ParseLabels(exemplar.GetProperty("labels")),
                Value = ParseValue(exemplar.GetProperty("value")),
                Timestamp = ParseTime(exemplar.GetProperty("timestamp")),
            }));
        }

        return exemplars;
    }

    private static JsonElement Data(JsonElement root, string what)
    {
        if (root.GetProperty("status").GetString() != "success")
        {
            var type = root.TryGetProperty("errorType", out var errorType) ? errorType.GetString() : "error";
            var error = root.TryGetProperty("error", out var message) ? message.GetString() : "(no message)";
            throw new InvalidOperationException($"Prometheus rejected {what}: {type}: {error}");
        }

        return root.GetProperty("data");
    }

    private static PrometheusSample ParseVectorElement(JsonElement element)
    {
        var labels = ParseLabels(element.GetProperty("metric"));
        if (element.TryGetProperty("histogram", out var histogram))
        {
            return new PrometheusSample
            {
                Labels = labels,
                Value = double.NaN,
                Timestamp = ParseTime(histogram[0]),
                Histogram = ParseHistogram(histogram[1]),
            };
        }

        var value = element.GetProperty("value");
        return new PrometheusSample { Labels = labels, Value = ParseValue(value[1]), Timestamp = ParseTime(value[0]) };
    }

    private static PrometheusHistogram ParseHistogram(JsonElement histogram)
    {
        var buckets = histogram.TryGetProperty("buckets", out var items)
            ? [.. items.EnumerateArray().Select(bucket => new PrometheusHistogramBucket(
                bucket[0].GetInt32(), ParseValue(bucket[1]), ParseValue(bucket[2]), ParseValue(bucket[3])))]
            : Array.Empty<PrometheusHistogramBucket>();
        return new PrometheusHistogram(ParseValue(histogram.GetProperty("count")), ParseValue(histogram.GetProperty("sum")), buckets);
    }

    private static Dictionary<string, string> ParseLabels(JsonElement labels) =>
        labels.EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString() ?? "", StringComparer.Ordinal);

    private static DateTimeOffset ParseTime(JsonElement seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds.GetDouble() * 1000));

    // The API writes floats as strings, with Prometheus' spelling of the special values.
    private static double ParseValue(JsonElement value) => value.GetString() switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
