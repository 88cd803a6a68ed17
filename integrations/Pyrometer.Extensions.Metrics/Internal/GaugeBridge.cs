using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>A <c>Gauge&lt;T&gt;</c>, an <c>ObservableGauge&lt;T&gt;</c> or an <c>ObservableUpDownCounter&lt;T&gt;</c>: each measurement is the value.</summary>
internal sealed class GaugeBridge(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge<GaugeSeries>(instrument, family, scopeLabels)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        SeriesFor(tags)?.Set(value * Scale);
}
