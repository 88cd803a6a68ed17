using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>A <c>Histogram&lt;T&gt;</c>: each measurement is observed; NaN is ignored.</summary>
internal sealed class HistogramBridge(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge<HistogramSeries>(instrument, family, scopeLabels)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!double.IsNaN(value))
        {
            SeriesFor(tags)?.Observe(value * Scale);
        }
    }
}
