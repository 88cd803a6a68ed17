using System.Buffers;
using System.Text;
using Pyrometer.Exposition;

namespace Pyrometer.Core.Tests.Exposition;

/// <summary>A format that writes one line per collector: its name and series count.</summary>
internal sealed class FakeExpositionFormat(string name, string mediaType, string? version = null, double quality = 1.0) : ExpositionFormat
{
    public override string Name => name;

    public override string MediaType => mediaType;

    public override string ContentType => version is null ? mediaType : $"{mediaType}; version={version}";

    public override double Quality => quality;

    public override bool Satisfies(MediaRange range) =>
        range.Covers(MediaType) && (range.GetParameter("version") is not { } requested || requested == version);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        var text = new StringBuilder();
        foreach (var collector in metrics.Collectors)
        {
            text.Append(collector.Name).Append(' ').Append(collector.SeriesCount).Append('\n');
        }

        destination.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
