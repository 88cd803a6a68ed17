using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Extensions.Metrics.Internal;

namespace Pyrometer.Extensions.Metrics;

/// <summary>
/// Exports <see cref="System.Diagnostics.Metrics"/> instruments into a <see cref="MetricRegistry"/> with a
/// <see cref="MeterListener"/>: counters, up-down counters, gauges, histograms and the observable instruments,
/// named as OpenTelemetry's Prometheus exporter names them (<c>http.server.request.duration</c> in <c>s</c> becomes
/// <c>http_server_request_duration_seconds</c>). Meters created later are picked up; a disposed meter's series
/// disappear. Dispose the bridge to stop exporting.
/// </summary>
/// <remarks>
/// Observable instruments are read when the registry is collected, through a collect callback, never on a timer.
/// A family is registered with its first measurement. Recording through a bridged instrument with a tag set seen
/// before takes no lock and allocates nothing.
/// </remarks>
public sealed class MeterBridge : IDisposable
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoScopeLabels = [];

    private readonly MeterListener _listener;
    private readonly MeterSelection _selection;
    private readonly FamilyTable _families;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<double>? _buckets;
    private readonly NativeHistogramOptions? _native;
    private readonly bool _includeMeterLabels;
    private readonly bool _millisecondsToSeconds;
    private readonly IDisposable _collectCallback;
    private int _disposed;

    /// <summary>Starts exporting the meters <paramref name="options"/> selects into <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry the families are registered in.</param>
    /// <param name="options">The options; default: every meter, classic histograms, no meter labels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MeterBridgeOptions.CardinalityLimit"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A <see cref="MeterBridgeOptions.Meters"/> or <see cref="MeterBridgeOptions.ExcludedMeters"/> entry is empty, or <see cref="MeterBridgeOptions.HistogramBuckets"/> are not finite and strictly increasing.</exception>
    public MeterBridge(MetricRegistry registry, MeterBridgeOptions? options = null)
    {
        Registry = Guard.NotNull(registry);
        options ??= new MeterBridgeOptions();
        if (options.CardinalityLimit < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.CardinalityLimit,
                $"{nameof(MeterBridgeOptions)}.{nameof(MeterBridgeOptions.CardinalityLimit)} must be at least 1.");
        }

        _buckets = ValidBuckets(options.HistogramBuckets, nameof(options));
        _native = options.NativeHistograms;
        _includeMeterLabels = options.IncludeMeterLabels;
        _millisecondsToSeconds = options.ConvertMillisecondsToSeconds;
        _selection = new MeterSelection(options.Meters, options.ExcludedMeters, options.MeterFilter, nameof(options));
        _logger = options.LoggerFactory?.CreateLogger<MeterBridge>() ?? NullLogger<MeterBridge>.Instance;
        _families = new FamilyTable(registry, options.CardinalityLimit, _logger);

        _listener = new MeterListener
        {
            InstrumentPublished = OnInstrumentPublished,
            MeasurementsCompleted = OnMeasurementsCompleted,
        };
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentBridge)state!).Record((double)value, tags));
        _listener.Start();
        _collectCallback = registry.AddCollectCallback(RecordObservableInstruments);
    }

    /// <summary>Gets the registry the bridge exports into.</summary>
    public MetricRegistry Registry { get; }

    /// <summary>
    /// Stops exporting: the bridged families are unregistered and observable instruments are no longer read.
    /// Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _collectCallback.Dispose();
        _listener.Dispose();
    }

    private static double[]? ValidBuckets(IReadOnlyList<double>? buckets, string paramName)
    {
        if (buckets is null)
        {
            return null;
        }

        var bounds = buckets.ToArray();
        for (var i = 0; i < bounds.Length; i++)
        {
            if (double.IsNaN(bounds[i]) || double.IsNegativeInfinity(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                throw new ArgumentException(
                    $"{nameof(MeterBridgeOptions)}.{nameof(MeterBridgeOptions.HistogramBuckets)} must be strictly increasing numbers; [{i}] is {bounds[i]}.",
                    paramName);
            }
        }

        return bounds;
    }

    /// <summary>Reads every observable instrument; one whose callback throws is logged and does not fail the scrape.</summary>
    private void RecordObservableInstruments()
    {
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (AggregateException e)
        {
            foreach (var inner in e.InnerExceptions)
            {
                Log.ObservableCallbackFailed(_logger, inner);
            }
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_selection.Includes(instrument.Meter))
        {
            return;
        }

        var kind = InstrumentKinds.Of(instrument);
        if (kind == InstrumentKind.Unsupported)
        {
            Log.NotExported(_logger, instrument.Name, instrument.Meter.Name, $"instruments of type {instrument.GetType().Name} are not supported.");
            return;
        }

        var definition = Define(instrument, kind);
        if (_families.Join(definition, instrument) is not { } family)
        {
            return;
        }

        var scopeLabels = ScopeLabels(instrument.Meter);
        InstrumentBridge bridge = kind switch
        {
            InstrumentKind.Counter => new CounterBridge(instrument, family, scopeLabels),
            InstrumentKind.ObservableCounter => new ObservableCounterBridge(instrument, family, scopeLabels),
            InstrumentKind.UpDownCounter => new UpDownCounterBridge(instrument, family, scopeLabels),
            InstrumentKind.Histogram => new HistogramBridge(instrument, family, scopeLabels),
            _ => new GaugeBridge(instrument, family, scopeLabels),
        };
        family.Attach(bridge);
        listener.EnableMeasurementEvents(instrument, bridge);
    }

    private void OnMeasurementsCompleted(Instrument instrument, object? state)
    {
        if (state is InstrumentBridge bridge)
        {
            _families.Leave(bridge);
        }
    }

    private FamilyDefinition Define(Instrument instrument, InstrumentKind kind)
    {
        var type = InstrumentKinds.MetricTypeOf(kind);
        var scale = 1.0;
        var instrumentUnit = instrument.Unit;
        if (_millisecondsToSeconds && string.Equals(instrumentUnit, "ms", StringComparison.Ordinal))
        {
            scale = 0.001;
            instrumentUnit = "s";
        }

        var unit = PrometheusNaming.UnitOf(instrumentUnit, type);
        var name = PrometheusNaming.MetricName(instrument.Name, unit, type);
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description!;
        double[]? buckets = null;
        if (type == MetricType.Histogram && (_native is null || _buckets is not null))
        {
            var advised = _native is null ? BucketAdvice.Of(instrument) : null;
            buckets = advised is not null
                ? advised.Select(b => b * scale).ToArray()
                : (_buckets ?? (unit == "seconds" ? Buckets.Default : BucketAdvice.OpenTelemetryDefault)).ToArray();
        }

        return new FamilyDefinition(name, kind, help, unit, scale, buckets, type == MetricType.Histogram ? _native : null);
    }

    private IReadOnlyList<KeyValuePair<string, string>> ScopeLabels(Meter meter)
    {
        if (!_includeMeterLabels)
        {
            return NoScopeLabels;
        }

        return meter.Version is { Length: > 0 } version
            ? [new("otel_scope_name", meter.Name), new("otel_scope_version", version)]
            : [new("otel_scope_name", meter.Name)];
    }
}
