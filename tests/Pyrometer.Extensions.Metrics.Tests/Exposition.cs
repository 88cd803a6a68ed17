using System.Buffers;
using System.Text;
using Pyrometer.Formats.Text;

namespace Pyrometer.Extensions.Metrics.Tests;

/// <summary>Collects a registry and writes it in the Prometheus text format.</summary>
internal static class Exposition
{
    public static async Task<string> TextAsync(MetricRegistry registry)
    {
        var metrics = await registry.CollectAsync();
        var buffer = new ArrayBufferWriter<byte>();
        TextFormats.Prometheus.Write(buffer, metrics);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task<string[]> SamplesAsync(MetricRegistry registry, string name) =>
        (await TextAsync(registry)).Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && !l.StartsWith('#')).ToArray();
}
