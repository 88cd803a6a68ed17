using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Pyrometer.Extensions.Metrics.Internal;

/// <summary>The lookup from a measurement's tags to its series, shared by every instrument kind.</summary>
internal abstract class InstrumentBridge<TSeries>(Instrument instrument, BridgedFamily family, IReadOnlyList<KeyValuePair<string, string>> scopeLabels)
    : InstrumentBridge(instrument, family)
    where TSeries : MetricSeries
{
    private readonly TagSetCache<TSeries> _cache = new();
    private TSeries? _untagged;

    /// <summary>Gets the factor measurements are multiplied by (1, or 0.001 for milliseconds exported in seconds).</summary>
    protected double Scale { get; } = family.Definition.Scale;

    public override void CopySeriesTo(HashSet<MetricSeries> destination)
    {
        var untagged = Volatile.Read(ref _untagged);
        if (untagged is not null)
        {
            destination.Add(untagged);
        }

        var own = new HashSet<TSeries>();
        _cache.CopySeriesTo(own);
        destination.UnionWith(own);
    }

    /// <summary>Gets the series of these tags, or null when the family or the tags were rejected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected TSeries? SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        tags.Length == 0 ? Volatile.Read(ref _untagged) ?? CreateSeries(tags) : _cache.Find(tags) ?? CreateSeries(tags);

    /// <summary>Replaces a series by a fresh one with the same labels, in the family and in this lookup.</summary>
    protected TSeries? Restart(TSeries series)
    {
        var replacement = Family.Restart(series);
        if (replacement is not null)
        {
            _cache.Replace(series, replacement);
            Interlocked.CompareExchange(ref _untagged, replacement, series);
        }

        return replacement;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TSeries? CreateSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Family.SeriesFor<TSeries>(TagLabels.From(tags, scopeLabels), Instrument);
        if (series is null)
        {
            return null;
        }

        if (tags.Length == 0)
        {
            Volatile.Write(ref _untagged, series);
        }
        else
        {
            _cache.Add(tags, series, Family.CardinalityLimit);
        }

        return series;
    }
}
