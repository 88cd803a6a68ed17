namespace Pyrometer.Samples.MetricsFetcher;

/// <summary>Names, Accept headers and Content-Type recognition for <see cref="ScrapeFormat"/>.</summary>
internal static class ScrapeFormats
{
    public static readonly string[] Names = ["text", "openmetrics", "binary"];

    public static ScrapeFormat Parse(string name) => name switch
    {
        "text" => ScrapeFormat.Text,
        "openmetrics" => ScrapeFormat.OpenMetrics,
        "binary" => ScrapeFormat.Binary,
        _ => throw new ArgumentException($"Unknown format '{name}': use one of {string.Join(", ", Names)}.", nameof(name)),
    };

    public static ScrapeFormat Random() => (ScrapeFormat)System.Random.Shared.Next(3);

    public static string AcceptHeader(ScrapeFormat format) => format switch
    {
        ScrapeFormat.Text => "text/plain; version=0.0.4",
        ScrapeFormat.OpenMetrics => "application/openmetrics-text; version=1.0.0",
        _ => "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited",
    };

    /// <summary>The format a response's Content-Type names, or null when it is no metrics format.</summary>
    public static ScrapeFormat? FromContentType(string? mediaType) => mediaType?.ToUpperInvariant() switch
    {
        "TEXT/PLAIN" => ScrapeFormat.Text,
        "APPLICATION/OPENMETRICS-TEXT" => ScrapeFormat.OpenMetrics,
        "APPLICATION/VND.GOOGLE.PROTOBUF" => ScrapeFormat.Binary,
        _ => null,
    };
}
