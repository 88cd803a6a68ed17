using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>A <c>Counter&lt;T&gt;</c>: each measurement is added; negative and NaN increments are ignored.</summary>
internal sealed class CounterBridge(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge<CounterSeries>(instrument, family, scopeLabels)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (value >= 0)
        {
            SeriesFor(tags)?.Add(value * Scale);
        }
    }
}
