using System.Globalization;
using System.Text;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>
/// The scrape jobs tests add beside file discovery: each is written into the prometheus.yml that lives in the
/// mounted folder (with its CA file beside it), and the caller then asks Prometheus to reload.
/// </summary>
internal sealed class ScrapeJobs(string folder, TimeSpan scrapeInterval)
{
    private readonly Dictionary<int, ScrapeJob> _jobs = [];
    private int _next;

    public string ConfigPath => Path.Combine(folder, PrometheusConfig.FileName);

    /// <summary>Adds a job and rewrites the config; returns its id for <see cref="Remove"/>.</summary>
    public int Add(ScrapeJob job)
    {
        ArgumentException.ThrowIfNullOrEmpty(job.Job);
        if (job.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"scheme '{job.Scheme}' must be http or https", nameof(job));
        }

        lock (_jobs)
        {
            var id = ++_next;
            if (job.CaCertificatePem is not null)
            {
                File.WriteAllText(Path.Combine(folder, CaFileName(id)), job.CaCertificatePem);
            }

            _jobs.Add(id, job);
            Write();
            return id;
        }
    }

    public void Remove(int id)
    {
        lock (_jobs)
        {
            _jobs.Remove(id);
            Write();
        }
    }

    /// <summary>Writes the config with the jobs there are now (none at first).</summary>
    public void Write()
    {
        var yaml = new StringBuilder(Encoding.UTF8.GetString(PrometheusConfig.Create(scrapeInterval)));
        foreach (var (id, job) in _jobs)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - job_name: '{job.Job}'
                    scheme: {job.Scheme}
                    metrics_path: '{job.MetricsPath}'
                    static_configs:
                      - targets: ['127.0.0.1:{job.Port}']

                """);
            if (job.BasicAuthUsername is not null)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"""
                        basic_auth:
                          username: '{job.BasicAuthUsername}'
                          password: '{job.BasicAuthPassword}'

                    """);
            }

            if (job.CaCertificatePem is not null || job.InsecureSkipVerify)
            {
                yaml.Append("    tls_config:\n");
                if (job.CaCertificatePem is not null)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"      ca_file: {PrometheusConfig.TargetFolder}/{CaFileName(id)}\n");
                }

                yaml.Append(CultureInfo.InvariantCulture, $"      insecure_skip_verify: {(job.InsecureSkipVerify ? "true" : "false")}\n");
            }
        }

        var temporary = ConfigPath + ".tmp";
        File.WriteAllText(temporary, yaml.ToString());
        File.Move(temporary, ConfigPath, overwrite: true);
    }

    private static string CaFileName(int id) => $"ca-{id}.pem";
}
