using Pyrometer.Exposition;
using Pyrometer.Formats.Text;

namespace Pyrometer;

/// <summary>Adds the text exposition formats to an <see cref="ExpositionFormatCollection"/>.</summary>
public static class PyrometerExpositionFormatCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TextFormats.Prometheus"/> (text 0.0.4) and <see cref="TextFormats.OpenMetrics"/>
    /// (OpenMetrics 1.0.0), and makes text 0.0.4 the fallback, as Prometheus' content-negotiation rules require
    /// for clients that accept anything or nothing offered. Set <see cref="ExpositionFormatCollection.Fallback"/>
    /// afterwards to choose another.
    /// </summary>
    /// <returns>The same collection, for chaining.</returns>
    public static ExpositionFormatCollection AddTextFormats(this ExpositionFormatCollection formats)
    {
        Guard.NotNull(formats);
        formats.Add(TextFormats.Prometheus).Add(TextFormats.OpenMetrics);
        formats.Fallback = TextFormats.Prometheus;
        return formats;
    }
}
