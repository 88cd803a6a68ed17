using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>An <c>UpDownCounter&lt;T&gt;</c>: each measurement is added to a gauge.</summary>
internal sealed class UpDownCounterBridge(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge<GaugeSeries>(instrument, family, scopeLabels)
{
    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        SeriesFor(tags)?.Add(value * Scale);
}
