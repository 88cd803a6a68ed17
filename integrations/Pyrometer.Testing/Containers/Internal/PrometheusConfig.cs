using System.Globalization;
using System.Text;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>The prometheus.yml the fixture runs with: every target comes from the files in <see cref="TargetFolder"/>.</summary>
internal static class PrometheusConfig
{
    public const string TargetFolder = "/etc/prometheus/targets";
    public const string TargetPrefix = "target-";
    public const string HonorLabelsPrefix = "honor-";

    /// <summary>The config's name in <see cref="TargetFolder"/>: it lives in the mounted folder so that tests can add scrape jobs to it.</summary>
    public const string FileName = "prometheus.yml";

    public const string Path = TargetFolder + "/" + FileName;

    public static byte[] Create(TimeSpan scrapeInterval)
    {
        var interval = $"{(int)scrapeInterval.TotalMilliseconds}ms";
        // The file watch picks up changes at once; the refresh is a fallback for missed events.
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            global:
              scrape_interval: {interval}
              scrape_timeout: {interval}
              evaluation_interval: {interval}
            scrape_configs:
              - job_name: pyrometer-tests
                file_sd_configs:
                  - files: ['{TargetFolder}/{TargetPrefix}*.json']
                    refresh_interval: 5s
              - job_name: pyrometer-tests-honor-labels
                honor_labels: true
                file_sd_configs:
                  - files: ['{TargetFolder}/{HonorLabelsPrefix}*.json']
                    refresh_interval: 5s

            """);
        return Encoding.UTF8.GetBytes(yaml);
    }
}
