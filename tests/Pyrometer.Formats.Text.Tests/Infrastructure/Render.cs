using System.Buffers;
using Pyrometer.Exposition;

namespace Pyrometer.Formats.Text.Tests.Infrastructure;

/// <summary>Writes a registry with a format, both ways a transport would.</summary>
internal static class Render
{
    public static async Task<byte[]> ToBytesAsync(ExpositionFormat format, MetricRegistry registry)
    {
        var metrics = await registry.CollectAsync();
        var buffer = new ArrayBufferWriter<byte>();
        format.Write(buffer, metrics);
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task<byte[]> StreamAsync(ExpositionFormat format, MetricRegistry registry, Stream? stream = null)
    {
        var metrics = await registry.CollectAsync();
        var destination = stream ?? new MemoryStream();
        await format.WriteAsync(destination, metrics);
        return destination is MemoryStream memory ? memory.ToArray() : [];
    }
}
