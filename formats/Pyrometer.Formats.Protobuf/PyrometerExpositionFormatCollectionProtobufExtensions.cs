using Pyrometer.Exposition;
using Pyrometer.Formats.Protobuf;

namespace Pyrometer;

/// <summary>Adds the protobuf exposition format to an <see cref="ExpositionFormatCollection"/>.</summary>
public static class PyrometerExpositionFormatCollectionProtobufExtensions
{
    /// <summary>
    /// Adds <see cref="ProtobufFormats.Delimited"/>, chosen only for clients whose Accept header names it (as
    /// Prometheus does with native histograms enabled), or through <c>?format=protobuf</c>; the fallback is left as
    /// it is, so add the text formats first.
    /// </summary>
    /// <returns>The same collection, for chaining.</returns>
    public static ExpositionFormatCollection AddProtobufFormat(this ExpositionFormatCollection formats)
    {
        Guard.NotNull(formats);
        return formats.Add(ProtobufFormats.Delimited);
    }
}
