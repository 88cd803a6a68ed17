using System.Buffers;
using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf.Schema;

namespace Pyrometer.Formats.Protobuf.Tests.Infrastructure;

/// <summary>Writes a registry in the protobuf format and reads it back with the types generated from metrics.proto.</summary>
internal static class Decoded
{
    public static async Task<byte[]> BytesAsync(MetricRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ProtobufFormats.Delimited.Write(buffer, await registry.CollectAsync());
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task<byte[]> StreamedAsync(MetricRegistry registry, Stream? stream = null)
    {
        var destination = stream as MemoryStream ?? new MemoryStream();
        await ProtobufFormats.Delimited.WriteAsync(stream ?? destination, await registry.CollectAsync());
        return destination.ToArray();
    }

    public static async Task<List<MetricFamily>> FamiliesAsync(MetricRegistry registry) => Parse(await BytesAsync(registry));

    /// <summary>Reads length-prefixed MetricFamily messages until the end; fails on trailing garbage.</summary>
    public static List<MetricFamily> Parse(byte[] bytes)
    {
        var families = new List<MetricFamily>();
        using var stream = new MemoryStream(bytes);
        while (stream.Position < stream.Length)
        {
            families.Add(MetricFamily.Parser.ParseDelimitedFrom(stream));
        }

        return families;
    }

    public static MetricFamily Family(this IEnumerable<MetricFamily> families, string name) => Assert.Single(families, f => f.Name == name);

    /// <summary>Gets a metric's labels as name/value pairs, in the order written.</summary>
    public static KeyValuePair<string, string>[] Pairs(this Metric metric) => metric.Label.Select(l => new KeyValuePair<string, string>(l.Name, l.Value)).ToArray();

    public static DateTimeOffset ToDateTimeOffset(this Schema.Timestamp timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp.Seconds).AddTicks(timestamp.Nanos / 100);

    public static ExpositionFormatCollection AllFormats() => new ExpositionFormatCollection().AddTextFormats().AddProtobufFormat();
}
