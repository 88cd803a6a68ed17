namespace Pyrometer.Testing.Containers;

/// <summary>
/// A scrape job of its own for <see cref="PrometheusContainer.AddScrapeJobAsync"/>, for what file discovery cannot
/// say: HTTPS with <c>tls_config</c> and <c>basic_auth</c>. It scrapes <c>127.0.0.1:{Port}</c>.
/// </summary>
/// <param name="Job">The job name (and so the <c>job</c> label); unique to the test.</param>
/// <param name="Port">The port the endpoint listens on, on 127.0.0.1.</param>
public sealed record ScrapeJob(string Job, int Port)
{
    /// <summary>The path scraped. Default <c>/metrics</c>.</summary>
    public string MetricsPath { get; init; } = "/metrics";

    /// <summary><c>http</c> or <c>https</c>. Default <c>http</c>.</summary>
    public string Scheme { get; init; } = "http";

    /// <summary>The <c>basic_auth</c> user name; null sends none.</summary>
    public string? BasicAuthUsername { get; init; }

    /// <summary>The <c>basic_auth</c> password.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>The PEM of the CA (or self-signed certificate) Prometheus verifies the server with (<c>tls_config.ca_file</c>); null uses none.</summary>
    public string? CaCertificatePem { get; init; }

    /// <summary>Whether Prometheus skips verifying the server's certificate (<c>tls_config.insecure_skip_verify</c>).</summary>
    public bool InsecureSkipVerify { get; init; }
}
