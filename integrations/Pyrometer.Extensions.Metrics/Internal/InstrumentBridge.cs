using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>One instrument's link to its family: the state the listener hands back with every measurement.</summary>
internal abstract class InstrumentBridge(Instrument instrument, BridgedFamily family)
{
    public Instrument Instrument { get; } = instrument;

    public BridgedFamily Family { get; } = family;

    /// <summary>Records a measurement, already converted to double.</summary>
    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>Adds the series this instrument has written to.</summary>
    public abstract void CopySeriesTo(HashSet<MetricSeries> destination);
}
