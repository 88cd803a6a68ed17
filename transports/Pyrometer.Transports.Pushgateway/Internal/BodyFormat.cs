using Pyrometer.Exposition;

namespace Pyrometer.Transports.Pushgateway.Internal;

/// <summary>Picks the body format among the configured ones: delimited protobuf if present, else text 0.0.4.</summary>
internal static class BodyFormat
{
    // What the Pushgateway parses, best first.
    private static readonly MediaRange[] Readable = [.. MediaRange.ParseAcceptHeader(
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited,text/plain;version=0.0.4;q=0.5")];

    public static ExpositionFormat? Choose(ExpositionFormatCollection formats)
    {
        foreach (var range in Readable)
        {
            foreach (var format in formats)
            {
                if (format.Satisfies(range))
                {
                    return format;
                }
            }
        }

        return null;
    }
}
