using System.Runtime.CompilerServices;
using Pyrometer.Exposition;
using Pyrometer.Internal;

namespace Pyrometer;

/// <summary>
/// One time series of a collector: the collector's name plus one set of label values.
/// Handles are cached by their collector, so keep and reuse them on hot paths.
/// </summary>
public abstract class MetricSeries
{
    private readonly Collector _collector;
    private readonly string[] _labelNames;
    private readonly string[] _labelValues;
    private object?[]? _encodings;

    // UTC ticks, so that a reset can move it while formats read it.
    private long _createdTicks;

    /// <summary>This series' position in its collector's list of series, or -1 once it was removed. Written only
    /// under the collector's write lock.</summary>
    internal int ListIndex;

    /// <summary>A <see cref="SeriesLifecycle"/> state; always <see cref="SeriesLifecycle.Active"/> without expiry.</summary>
    internal int Lifecycle;

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the sweep that found the series idle; read and written by sweeps only.</summary>
    internal long IdleSince;

    /// <summary>The series that takes this expired series' updates, when another took its place while it was away.</summary>
    internal MetricSeries? Successor;

    /// <summary>Whether this is the collector's overflow series (see <see cref="CollectorOptions.CardinalityLimit"/>).</summary>
    internal bool IsOverflow;

    private readonly int _labelHash;

    private protected MetricSeries(Collector collector, string[] labelNames, string[] labelValues, int hash)
    {
        _collector = collector;
        _labelNames = labelNames;
        _labelValues = labelValues;
        Hash = hash;
        _labelHash = hash;
        _createdTicks = collector.TimeProvider.GetUtcNow().UtcTicks;
    }

    /// <summary>Gets the names of this series' labels, in the order their values are given.</summary>
    public IReadOnlyList<string> LabelNames => _labelNames;

    /// <summary>Gets the values of this series' labels, in the order of <see cref="LabelNames"/>.</summary>
    public IReadOnlyList<string> LabelValues => _labelValues;

    /// <summary>
    /// Gets when this series was created, or last started over (a native histogram's reset, see
    /// <see cref="NativeHistogramOptions.MinResetDuration"/>); OpenMetrics exposes it as the <c>_created</c> sample.
    /// </summary>
    public DateTimeOffset Created
    {
        get => new(Volatile.Read(ref _createdTicks), TimeSpan.Zero);
        private protected set => Volatile.Write(ref _createdTicks, value.UtcTicks);
    }

    /// <summary>Gets the collector (metric family) this series belongs to; its const labels come before the series' own.</summary>
    public Collector Collector => _collector;

    /// <summary>
    /// Gets an exposition format's encoding of this series (typically of its labels: the collector's const labels,
    /// then <see cref="LabelNames"/> with <see cref="LabelValues"/>), computing it with <paramref name="encode"/> the
    /// first time this key asks and returning the cached object afterwards, without allocating.
    /// </summary>
    /// <param name="key">The format's key, created once.</param>
    /// <param name="encode">Computes the encoding; it may run more than once when scrapes race, and the first result stored wins.</param>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> returned null.</exception>
    public T GetEncoding<T>(EncodingKey<T> key, Func<MetricSeries, T> encode)
        where T : class =>
        EncodingSlots.Get(ref _encodings, Guard.NotNull(key), this, encode);

    /// <summary>Gets the hash of the label set (never negative), or -1 once the series was removed, so that a
    /// lookup, which compares hashes first, never matches a removed series.</summary>
    internal int Hash { get; private set; }

    internal bool IsRemoved => Hash < 0;

    internal string[] LabelNameArray => _labelNames;

    internal string[] LabelValueArray => _labelValues;

    /// <summary>Gets the hash of the label set, kept after removal.</summary>
    internal int LabelHash => _labelHash;

    /// <summary>Makes an expired series findable again; called under the collector's write lock before it is re-added.</summary>
    internal void Restore() => Hash = _labelHash;

    /// <summary>
    /// Called by an update that found <see cref="Lifecycle"/> not active: marks the series active, or brings an
    /// expired one back. Returns null when this series takes the update, or the series that takes it instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private protected MetricSeries? Wake()
    {
        if (Interlocked.CompareExchange(ref Lifecycle, SeriesLifecycle.Active, SeriesLifecycle.Idle) != SeriesLifecycle.Expired)
        {
            return null;
        }

        if (Volatile.Read(ref Successor) is { } successor && Volatile.Read(ref successor.Lifecycle) != SeriesLifecycle.Expired)
        {
            return successor;
        }

        return _collector.Revive(this);
    }

    /// <summary>Marks the series removed from its collector; called under the collector's write lock.</summary>
    internal void MarkRemoved()
    {
        Volatile.Write(ref ListIndex, -1);
        Hash = -1;
    }

    internal bool Matches(string[]? names, ReadOnlySpan<string> values)
    {
        var own = _labelValues;
        if (own.Length != values.Length)
        {
            return false;
        }

        for (var i = 0; i < own.Length; i++)
        {
            if (!string.Equals(own[i], values[i]))
            {
                return false;
            }
        }

        return names is null || ReferenceEquals(names, _labelNames) || names.AsSpan().SequenceEqual(_labelNames);
    }
}
