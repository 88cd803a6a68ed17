using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>
/// An <c>ObservableCounter&lt;T&gt;</c>: each measurement is the counter's total, observed at collect time. The
/// series gains the difference; a total lower than the series' value means the source restarted, so the series
/// is replaced by a new one (with a new creation time) holding the new total.
/// </summary>
internal sealed class ObservableCounterBridge(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge<CounterSeries>(instrument, family, scopeLabels)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var total = value * Scale;
        if (!(total >= 0) || SeriesFor(tags) is not { } series)
        {
            return;
        }

        var increase = total - series.Value;
        if (increase > 0)
        {
            series.Add(increase);
        }
        else if (increase < 0 && Restart(series) is { } restarted)
        {
            restarted.Add(total);
        }
    }
}
