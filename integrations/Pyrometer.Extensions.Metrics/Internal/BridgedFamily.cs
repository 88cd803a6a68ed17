using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>
/// The registry family of one or more instruments with the same definition. Its collector is created and
/// registered with its first series, so a family is never exposed without one; it is unregistered when its last
/// instrument completes (its meter was disposed).
/// </summary>
internal sealed class BridgedFamily(FamilyDefinition definition, MetricRegistry registry, int cardinalityLimit, ILogger logger)
{
    private readonly object _lock = new();
    private readonly List<InstrumentBridge> _members = [];
    private Collector? _collector;
    private bool _rejected;
    private bool _overflowLogged;

    public FamilyDefinition Definition { get; } = definition;

    /// <summary>Gets the cardinality limit of the family's instruments.</summary>
    public int CardinalityLimit { get; } = cardinalityLimit;

    /// <summary>Gets the first instrument of the family, for messages.</summary>
    public Instrument? FirstInstrument
    {
        get
        {
            lock (_lock)
            {
                return _members.Count > 0 ? _members[0].Instrument : null;
            }
        }
    }

    public void Attach(InstrumentBridge member)
    {
        lock (_lock)
        {
            _members.Add(member);
        }
    }

    /// <summary>Removes an instrument: its series that no other instrument of the family uses disappear.</summary>
    /// <returns>Whether the family has no instruments left (and is unregistered).</returns>
    public bool Detach(InstrumentBridge member)
    {
        lock (_lock)
        {
            _members.Remove(member);
            if (_collector is null)
            {
                return _members.Count == 0;
            }

            if (_members.Count == 0)
            {
                registry.Unregister(_collector);
                _collector = null;
                return true;
            }

            var kept = new HashSet<MetricSeries>();
            foreach (var other in _members)
            {
                other.CopySeriesTo(kept);
            }

            var gone = new HashSet<MetricSeries>();
            member.CopySeriesTo(gone);
            gone.ExceptWith(kept);
            foreach (var series in gone)
            {
                Remove(series);
            }

            return false;
        }
    }

    /// <summary>Gets the series with these labels, creating (and registering) the collector first if needed.</summary>
    /// <returns>The series, or null when the registry rejected the family or the labels (a warning is logged).</returns>
    public TSeries? SeriesFor<TSeries>(Labels labels, Instrument instrument)
        where TSeries : MetricSeries
    {
        lock (_lock)
        {
            if (_rejected)
            {
                return null;
            }

            try
            {
                if (_collector is { } collector)
                {
                    return LogOverflowOnce(((Collector<TSeries>)collector).WithLabels(labels), instrument);
                }

                var created = CreateCollector();
                var series = ((Collector<TSeries>)created).WithLabels(labels);
                registry.Register(created);
                _collector = created;
                return LogOverflowOnce(series, instrument);
            }
            catch (InvalidOperationException e)
            {
                _rejected = true;
                Log.NotExported(logger, instrument.Name, instrument.Meter.Name, e.Message);
                return null;
            }
            catch (ArgumentException e)
            {
                Log.MeasurementDropped(logger, instrument.Name, instrument.Meter.Name, e.Message);
                return null;
            }
        }
    }

    /// <summary>Replaces a series by a new one with the same labels (a counter whose observed value went down was reset).</summary>
    public TSeries? Restart<TSeries>(TSeries series)
        where TSeries : MetricSeries
    {
        lock (_lock)
        {
            if (_collector is not Collector<TSeries> collector)
            {
                return null;
            }

            var labels = LabelsOf(series);
            collector.RemoveLabels(labels);
            return collector.WithLabels(labels);
        }
    }

    /// <summary>
    /// Logs, the first time only, that the family's collector answered with its overflow series: its cardinality
    /// limit was reached. The bridge logs it (not the registry's <see cref="MetricRegistryOptions.CardinalityLimitReached"/>),
    /// so it is logged whatever registry the bridge exports into, <see cref="MetricRegistry.Default"/> included.
    /// Called under the family's lock, only when a tag set is not in an instrument's lookup.
    /// </summary>
    private TSeries LogOverflowOnce<TSeries>(TSeries series, Instrument instrument)
        where TSeries : MetricSeries
    {
        if (!_overflowLogged && series.LabelNames.Count == 1 && series.LabelNames[0] == Collector.OverflowLabelName)
        {
            _overflowLogged = true;
            Log.CardinalityLimitReached(logger, instrument.Name, instrument.Meter.Name, Definition.Name, CardinalityLimit);
        }

        return series;
    }

    private static Labels LabelsOf(MetricSeries series)
    {
        var labels = new Labels();
        for (var i = 0; i < series.LabelNames.Count; i++)
        {
            labels.Add(series.LabelNames[i], series.LabelValues[i]);
        }

        return labels;
    }

    private void Remove(MetricSeries series)
    {
        var labels = LabelsOf(series);
        switch (_collector)
        {
            case Counter counter:
                counter.RemoveLabels(labels);
                break;
            case Gauge gauge:
                gauge.RemoveLabels(labels);
                break;
            case Histogram histogram:
                histogram.RemoveLabels(labels);
                break;
        }
    }

    private Collector CreateCollector()
    {
        var definition = Definition;
        return definition.Type switch
        {
            MetricType.Counter => new Counter(definition.Name, definition.Help, WithSharedOptions(new CounterOptions())),
            MetricType.Histogram => new Histogram(
                definition.Name,
                definition.Help,
                WithSharedOptions(new HistogramOptions { Buckets = definition.Buckets, Native = definition.Native })),
            _ => new Gauge(definition.Name, definition.Help, WithSharedOptions(new GaugeOptions())),
        };
    }

    /// <summary>Sets what every bridged collector shares, whatever its type: the one place collector options are filled.</summary>
    private T WithSharedOptions<T>(T options)
        where T : CollectorOptions
    {
        options.Unit = Definition.Unit;
        options.CardinalityLimit = CardinalityLimit;
        return options;
    }
}
