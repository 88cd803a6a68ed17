using System.Buffers;
using System.Text;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener.Tests.Fakes;

/// <summary>
/// A stand-in format: satisfies ranges of its media type whose <c>version</c> (if given) matches, and writes
/// <c>format=NAME</c> then one line per collector, so a test sees which format answered and what was collected.
/// </summary>
internal sealed class FakeFormat(string name, string mediaType, string version) : ExpositionFormat
{
    public static FakeFormat Text() => new("text", "text/plain", "0.0.4");

    public static FakeFormat OpenMetrics() => new("openmetrics", "application/openmetrics-text", "1.0.0");

    public static ExpositionFormatCollection Both() => new ExpositionFormatCollection().Add(Text()).Add(OpenMetrics());

    public override string Name => name;

    public override string MediaType => mediaType;

    public override string ContentType => $"{mediaType}; version={version}; charset=utf-8";

    /// <summary>Gets or sets an exception <see cref="Write"/> throws instead of writing.</summary>
    public Exception? WriteFailure { get; set; }

    public override bool Satisfies(MediaRange range) =>
        range.Covers(mediaType) && (range.GetParameter("version") is not { } v || v == version);

    public override void Write(IBufferWriter<byte> destination, CollectedMetrics metrics)
    {
        if (WriteFailure is not null)
        {
            throw WriteFailure;
        }

        var text = new StringBuilder($"format={name}\n");
        foreach (var collector in metrics.Collectors)
        {
            text.Append(collector.Name).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes.CopyTo(destination.GetSpan(bytes.Length));
        destination.Advance(bytes.Length);
    }
}
