using Pyrometer.Exposition;
using Pyrometer.Formats.Text.Internal;

namespace Pyrometer.Formats.Text;

/// <summary>
/// The text exposition formats: Prometheus text 0.0.4 and OpenMetrics 1.0.0. Both are stateless singletons,
/// safe to share between transports and threads.
/// </summary>
public static class TextFormats
{
    /// <summary>
    /// Gets the Prometheus text format 0.0.4 (<c>text/plain; version=0.0.4; charset=utf-8</c>), named <c>text</c>:
    /// the format every Prometheus server and most scrapers understand, and the one to fall back to.
    /// </summary>
    public static ExpositionFormat Prometheus => PrometheusTextFormat.Instance;

    /// <summary>
    /// Gets the OpenMetrics text format 1.0.0 (<c>application/openmetrics-text; version=1.0.0; charset=utf-8</c>),
    /// named <c>openmetrics</c>: adds units, <c>_created</c> samples and a closing <c># EOF</c> line.
    /// </summary>
    public static ExpositionFormat OpenMetrics => OpenMetricsTextFormat.Instance;
}
