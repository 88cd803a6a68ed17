namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>The kinds of System.Diagnostics.Metrics instruments the bridge exports.</summary>
internal enum InstrumentKind
{
    Unsupported,
    Counter,
    UpDownCounter,
    Gauge,
    Histogram,
    ObservableCounter,
    ObservableUpDownCounter,
    ObservableGauge,
}
