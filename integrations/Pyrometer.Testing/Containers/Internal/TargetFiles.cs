using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pyrometer.Testing.Containers.Internal;

/// <summary>
/// The folder Prometheus discovers scrape targets from (file_sd): one JSON file per target, written atomically
/// (temporary name, then rename) so Prometheus, watching the folder, never reads half a file.
/// </summary>
internal sealed partial class TargetFiles : IDisposable
{
    private static readonly string[] ReservedLabels = ["job", "instance", "__address__", "__metrics_path__"];
    private int _next;

    public TargetFiles()
    {
        Folder = Directory.CreateTempSubdirectory("pyrometer-prometheus-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // Readable by images that run Prometheus as an unprivileged user.
            File.SetUnixFileMode(Folder, (UnixFileMode)0b111_101_101);
        }
    }

    public string Folder { get; }

    public IDisposable Add(ScrapeTarget target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target.Job);
        if (!target.MetricsPath.StartsWith('/'))
        {
            throw new ArgumentException($"metrics path '{target.MetricsPath}' must start with '/'", nameof(target));
        }

        foreach (var name in target.Labels.Keys)
        {
            if (!LabelName().IsMatch(name) || ReservedLabels.Contains(name))
            {
                throw new ArgumentException($"label '{name}' is not a valid extra target label", nameof(target));
            }
        }

        // The file name picks the scrape config: honor-*.json files belong to the one with honor_labels: true.
        var prefix = target.HonorLabels ? PrometheusConfig.HonorLabelsPrefix : PrometheusConfig.TargetPrefix;
        var path = Path.Combine(Folder, $"{prefix}{Interlocked.Increment(ref _next)}.json");
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Serialize(target));
        File.Move(temporary, path, overwrite: true);
        return new Removal(path);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static byte[] Serialize(ScrapeTarget target)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteStartArray("targets");
            writer.WriteStringValue(target.Instance);
            writer.WriteEndArray();
            writer.WriteStartObject("labels");
            // Labels from discovery win over the scrape config's job name and path.
            writer.WriteString("job", target.Job);
            writer.WriteString("__metrics_path__", target.MetricsPath);
            foreach (var label in target.Labels)
            {
                writer.WriteString(label.Key, label.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    private sealed class Removal(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }
}
