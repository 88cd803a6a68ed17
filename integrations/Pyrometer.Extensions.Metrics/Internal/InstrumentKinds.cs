using System.Diagnostics.Metrics;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>Tells the kind of an instrument from its type.</summary>
internal static class InstrumentKinds
{
    public static InstrumentKind Of(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return InstrumentKind.Unsupported;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Counter<>))
        {
            return InstrumentKind.Counter;
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return InstrumentKind.UpDownCounter;
        }

        if (definition == typeof(Histogram<>))
        {
            return InstrumentKind.Histogram;
        }

        if (definition == typeof(ObservableCounter<>))
        {
            return InstrumentKind.ObservableCounter;
        }

        if (definition == typeof(ObservableUpDownCounter<>))
        {
            return InstrumentKind.ObservableUpDownCounter;
        }

        if (definition == typeof(ObservableGauge<>))
        {
            return InstrumentKind.ObservableGauge;
        }

        // Gauge<T> arrived with System.Diagnostics.DiagnosticSource 9; older builds still see it on newer runtimes.
        return definition.FullName == "System.Diagnostics.Metrics.Gauge`1" ? InstrumentKind.Gauge : InstrumentKind.Unsupported;
    }

    public static MetricType MetricTypeOf(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Counter or InstrumentKind.ObservableCounter => MetricType.Counter,
        InstrumentKind.Histogram => MetricType.Histogram,
        _ => MetricType.Gauge,
    };
}
