namespace Pyrometer.Testing.Containers;

/// <summary>An endpoint on 127.0.0.1 for <see cref="PrometheusContainer"/> to scrape.</summary>
/// <param name="Job">The <c>job</c> label of the target; use a name unique to the test so queries find only its series.</param>
/// <param name="Port">The port the endpoint listens on, on 127.0.0.1.</param>
public sealed record ScrapeTarget(string Job, int Port)
{
    /// <summary>The path scraped. Default <c>/metrics</c>.</summary>
    public string MetricsPath { get; init; } = "/metrics";

    /// <summary>Extra labels Prometheus attaches to every series of the target. Default none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the target is scraped with <c>honor_labels: true</c>, so its own <c>job</c> and <c>instance</c> labels
    /// win over the target's (as a Pushgateway needs). Default false.
    /// </summary>
    public bool HonorLabels { get; init; }

    /// <summary><c>127.0.0.1:{Port}</c>, the <c>instance</c> label of the target's series.</summary>
    public string Instance => $"127.0.0.1:{Port}";
}
