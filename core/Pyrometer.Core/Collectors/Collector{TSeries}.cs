using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>A collector whose series are of type <typeparamref name="TSeries"/>.</summary>
/// <typeparam name="TSeries">The series handle type.</typeparam>
public abstract class Collector<TSeries> : Collector
    where TSeries : MetricSeries
{
    private static readonly string[] OverflowLabelNames = [OverflowLabelName];
    private static readonly string[] OverflowLabelValues = ["true"];

    private readonly SeriesTable<TSeries> _table;
    private readonly object _sweepGate = new();
    private TSeries? _unlabelled;
    private int _limitReported;

    private protected Collector(string name, string help, MetricType type, CollectorOptions options, TimeProvider? defaultTime, string? reservedLabelName = null)
        : base(name, help, type, options, defaultTime, reservedLabelName)
    {
        _table = new SeriesTable<TSeries>(
            () => CreateSeries([], [], 0),
            CardinalityLimit ?? int.MaxValue,
            () => CreateSeries(OverflowLabelNames, OverflowLabelValues, SeriesTable<TSeries>.HashOf(OverflowLabelNames, OverflowLabelValues)));
    }

    /// <inheritdoc />
    public override int SeriesCount => _table.Count;

    /// <summary>Gets the series in creation order, for exposition. Reading it never locks nor allocates.</summary>
    public SeriesView<TSeries> Series => new(_table.List);

    /// <summary>Gets the table of series, for tests of its internals.</summary>
    internal SeriesTable<TSeries> Table => _table;

    /// <summary>
    /// Gets the series with these label values, in the order the label names were declared, creating it on
    /// first use. Keep the returned handle: its operations never allocate nor look anything up.
    /// </summary>
    /// <exception cref="ArgumentException">The number of values differs from the declared label names, or a value is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TSeries WithLabels(params ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != LabelNameArray.Length)
        {
            ThrowLabelCount(labelValues.Length);
        }

        var hash = SeriesTable<TSeries>.HashOf(null, labelValues);
        return _table.Find(null, labelValues, hash) ?? AddSeries(LabelNameArray, labelValues, hash, checkNames: false);
    }

    /// <summary>
    /// Gets the series with these label values, in the order the label names were declared, creating it on
    /// first use. This overload is for callers on C# 12 or earlier (a .NET Framework app on C# 7.3, say), which
    /// cannot pass separate values to the span overload; C# 13 and later bind <c>WithLabels("a", "b")</c> to the
    /// span overload, which allocates nothing. Keep the returned handle: its operations never allocate.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="labelValues"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of values differs from the declared label names, or a value is null.</exception>
    public TSeries WithLabels(params string[] labelValues) =>
        WithLabels((ReadOnlySpan<string>)Guard.NotNull(labelValues));

    /// <summary>
    /// Gets the series with these labels, creating it on first use. When the collector declared label names
    /// the set must name exactly those; otherwise any names may be used and label order does not matter.
    /// </summary>
    /// <exception cref="ArgumentException">The label set does not match the declared label names, or a name is invalid.</exception>
    public TSeries WithLabels(Labels labels)
    {
        Guard.NotNull(labels);
        if (LabelNameArray.Length > 0)
        {
            var declared = DeclaredValues(labels);
            var declaredHash = SeriesTable<TSeries>.HashOf(null, declared);
            return _table.Find(null, declared, declaredHash) ?? AddSeries(LabelNameArray, declared, declaredHash, checkNames: false, nameof(labels));
        }

        var (names, values) = SortedByName(labels);
        var hash = SeriesTable<TSeries>.HashOf(names, values);
        return _table.Find(names, values, hash) ?? AddSeries(names, values, hash, checkNames: true, nameof(labels));
    }

    /// <summary>Removes the series with these label values; its handle keeps working but is no longer exposed.</summary>
    /// <returns>Whether such a series existed.</returns>
    public bool RemoveLabels(params ReadOnlySpan<string> labelValues)
    {
        if (labelValues.Length != LabelNameArray.Length)
        {
            ThrowLabelCount(labelValues.Length);
        }

        return Forget(_table.Remove(null, labelValues));
    }

    /// <summary>
    /// Removes the series with these label values; its handle keeps working but is no longer exposed. This
    /// overload is for callers on C# 12 or earlier, which cannot pass separate values to the span overload.
    /// </summary>
    /// <returns>Whether such a series existed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labelValues"/> is null.</exception>
    /// <exception cref="ArgumentException">The number of values differs from the declared label names.</exception>
    public bool RemoveLabels(params string[] labelValues) =>
        RemoveLabels((ReadOnlySpan<string>)Guard.NotNull(labelValues));

    /// <summary>Removes the series with these labels; its handle keeps working but is no longer exposed.</summary>
    /// <returns>Whether such a series existed.</returns>
    public bool RemoveLabels(Labels labels)
    {
        Guard.NotNull(labels);
        if (LabelNameArray.Length > 0)
        {
            return Forget(_table.Remove(null, DeclaredValues(labels)));
        }

        var (names, values) = SortedByName(labels);
        return Forget(_table.Remove(names, values));
    }

    /// <inheritdoc />
    public override void Clear()
    {
        _table.Clear();
        _unlabelled = null;
    }

    /// <summary>Gets the series without labels, creating it on first use.</summary>
    private protected TSeries Unlabelled
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _unlabelled ?? CreateUnlabelled();
    }

    /// <summary>Creates the handle for a new series.</summary>
    private protected abstract TSeries CreateSeries(string[] labelNames, string[] labelValues, int hash);

    internal override IEnumerable<string> SeriesLabelNames()
    {
        if (LabelNameArray.Length > 0)
        {
            return CardinalityLimit is null ? LabelNameArray : [.. LabelNameArray, OverflowLabelName];
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in Series)
        {
            names.UnionWith(series.LabelNameArray);
        }

        return names;
    }

    internal override void PrepareForCollect()
    {
        if (SeriesExpiry is { } expiry)
        {
            Sweep(expiry);
        }

        // A metric without declared labels is exposed (as 0) even before its first use.
        if (LabelNameArray.Length == 0 && _table.Count == 0 && _unlabelled is null)
        {
            _ = Unlabelled;
        }
    }

    internal override MetricSeries? Revive(MetricSeries series)
    {
        var successor = _table.Revive((TSeries)series, LabelNameArray.Length > 0 ? null : series.LabelNameArray, out var overflowed);
        if (overflowed)
        {
            ReportLimitOnce();
        }

        return successor;
    }

    /// <summary>
    /// Marks the series not updated since the last sweep idle, and removes those idle for <paramref name="expiry"/>.
    /// A collection already sweeping makes another skip it. The work is one look per series, which the
    /// collection that follows does anyway.
    /// </summary>
    private void Sweep(TimeSpan expiry)
    {
        if (!Monitor.TryEnter(_sweepGate))
        {
            return;
        }

        try
        {
            var now = TimeProvider.GetTimestamp();
            foreach (var series in Series)
            {
                switch (Volatile.Read(ref series.Lifecycle))
                {
                    case SeriesLifecycle.Active:
                        series.IdleSince = now;
                        Interlocked.CompareExchange(ref series.Lifecycle, SeriesLifecycle.Idle, SeriesLifecycle.Active);
                        break;
                    case SeriesLifecycle.Idle when TimeProvider.GetElapsedTime(series.IdleSince, now) >= expiry:
                        _table.Expire(series);
                        break;
                }
            }
        }
        finally
        {
            Monitor.Exit(_sweepGate);
        }
    }

    private void ReportLimitOnce()
    {
        if (Interlocked.Exchange(ref _limitReported, 1) == 0)
        {
            Registry?.ReportCardinalityLimit(this);
        }
    }

    /// <summary>Drops the cached series without labels when it is the one removed, so the next use creates and
    /// exposes a new one.</summary>
    private bool Forget(TSeries? removed)
    {
        if (removed is null)
        {
            return false;
        }

        if (ReferenceEquals(removed, _unlabelled))
        {
            _unlabelled = null;
        }

        return true;
    }

    private TSeries CreateUnlabelled()
    {
        if (LabelNameArray.Length > 0)
        {
            throw new InvalidOperationException(
                $"Metric '{Name}' declares labels ({string.Join(", ", LabelNameArray)}): address a series with WithLabels(...) first.");
        }

        var series = WithLabels(ReadOnlySpan<string>.Empty);
        _unlabelled = series;
        return series;
    }

    /// <summary>The values of a label set in the order the collector declared its label names.</summary>
    private string[] DeclaredValues(Labels labels)
    {
        var names = LabelNameArray;
        if (labels.Count != names.Length)
        {
            throw LabelSetMismatch(labels);
        }

        var values = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            values[i] = labels.TryGetValue(names[i], out var value) ? value : throw LabelSetMismatch(labels);
        }

        return values;
    }

    /// <summary>A free-form label set as names and values sorted by name, so label order never matters.</summary>
    private static (string[] Names, string[] Values) SortedByName(Labels labels)
    {
        var pairs = labels.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var names = new string[pairs.Length];
        var values = new string[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            names[i] = pairs[i].Key;
            values[i] = pairs[i].Value;
        }

        return (names, values);
    }

    /// <param name="names">The label names.</param>
    /// <param name="values">The label values, in the order of <paramref name="names"/>.</param>
    /// <param name="hash">The hash of names and values.</param>
    /// <param name="checkNames">Whether the names are free-form and must be validated.</param>
    /// <param name="paramName">The caller's argument that held the labels, for messages.</param>
    private TSeries AddSeries(string[] names, ReadOnlySpan<string> values, int hash, bool checkNames, string paramName = "labelValues")
    {
        for (var i = 0; i < values.Length; i++)
        {
            MetricNames.ValidateLabelValue(values[i], names[i], $"metric '{Name}'", paramName);
            if (checkNames)
            {
                ValidateDynamicLabelName(names[i], paramName);
            }
        }

        // Past the limit, a label set seen before finds the overflow series without locking or allocating.
        if (_table.IsFull && _table.Overflow is { } overflow)
        {
            return overflow;
        }

        var owned = values.ToArray();
        var series = _table.GetOrAdd(
            checkNames ? names : null,
            owned,
            hash,
            (Collector: this, Names: names, Values: owned),
            static (state, hash) => state.Collector.CreateSeries(state.Names, state.Values, hash),
            out var overflowed);
        if (overflowed)
        {
            ReportLimitOnce();
        }

        return series;
    }

    private void ValidateDynamicLabelName(string name, string paramName)
    {
        MetricNames.ValidateLabelName(name, paramName);
        if ((Type == MetricType.Histogram && name == "le") || (Type == MetricType.Summary && name == "quantile"))
        {
            throw new ArgumentException($"Label name '{name}' is reserved on metric '{Name}'.", paramName);
        }

        foreach (var pair in ConstLabels)
        {
            if (string.Equals(pair.Key, name))
            {
                throw new ArgumentException($"Label '{name}' of metric '{Name}' is already a const label.", paramName);
            }
        }

        if (Registry?.ConstLabels is { } registryLabels)
        {
            foreach (var pair in registryLabels)
            {
                if (string.Equals(pair.Key, name))
                {
                    throw new ArgumentException($"Label '{name}' of metric '{Name}' is already a const label of its registry.", paramName);
                }
            }
        }
    }

    private ArgumentException LabelSetMismatch(Labels labels) =>
        new($"Metric '{Name}' declares labels [{string.Join(", ", LabelNameArray)}] but was given [{string.Join(", ", labels.Select(p => p.Key))}].", nameof(labels));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowLabelCount(int given, [CallerArgumentExpression(nameof(given))] string? paramName = null) =>
        throw new ArgumentException(
            $"Metric '{Name}' declares {LabelNameArray.Length} label(s) [{string.Join(", ", LabelNameArray)}] but {given} value(s) were given.",
            paramName?.Replace(".Length", string.Empty));
}
