using Pyrometer.Exposition;

namespace Pyrometer;

/// <summary>
/// A set of collectors exposed together, with const labels added to all of them. Use
/// <see cref="Default"/> or create your own. Creating a metric returns the registered one when the name is
/// taken by an identical definition.
/// </summary>
/// <remarks>Thread-safe: collectors may be created, registered and removed, callbacks added and collections run
/// from any number of threads at once.</remarks>
public sealed partial class MetricRegistry
{
#if NET9_0_OR_GREATER
    private readonly Lock _lock = new();
#else
    private readonly object _lock = new();
#endif
    private readonly Dictionary<string, Collector> _exposedNames = new(StringComparer.Ordinal);
    private readonly Action<Collector>? _cardinalityLimitReached;
    private Collector[] _collectors = [];
    private CollectCallback[] _callbacks = [];
    private object?[]? _encodings;

    /// <summary>Creates a registry without const labels.</summary>
    public MetricRegistry()
        : this(new MetricRegistryOptions())
    {
    }

    /// <summary>Creates a registry.</summary>
    /// <exception cref="ArgumentException">A const label name is invalid.</exception>
    public MetricRegistry(MetricRegistryOptions options)
    {
        Guard.NotNull(options);
        var constLabels = (options.ConstLabels ?? new Dictionary<string, string>()).ToArray();
        Array.Sort(constLabels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var pair in constLabels)
        {
            MetricNames.ValidateLabelName(pair.Key, nameof(options));
            MetricNames.ValidateLabelValue(pair.Value, pair.Key, "the registry", nameof(options));
        }

        ConstLabels = constLabels;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        _collectTimeout = ValidCollectTimeout(options);
        _cardinalityLimitReached = options.CardinalityLimitReached;
    }

    /// <summary>Gets the process-wide default registry.</summary>
    public static MetricRegistry Default { get; } = new();

    /// <summary>Gets the labels added to every series, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConstLabels { get; }

    /// <summary>Gets the clock collectors created here use.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the registered collectors, sorted by name.</summary>
    public IReadOnlyList<Collector> Collectors => Volatile.Read(ref _collectors);

    internal T GetConstLabelsEncoding<T>(EncodingKey<T> key, Func<IReadOnlyList<KeyValuePair<string, string>>, T> encode)
        where T : class =>
        EncodingSlots.Get(ref _encodings, key, ConstLabels, encode);

    /// <summary>Registers a collector.</summary>
    /// <exception cref="InvalidOperationException">
    /// The name is taken by another collector, a name the collector writes (such as <c>h_count</c> of histogram
    /// <c>h</c>, or the family <c>c</c> of counter <c>c_total</c>) is one another collector writes, or the collector
    /// belongs to another registry.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A label of the collector (declared, const, of one of its series, or <c>le</c>/<c>quantile</c> that the
    /// formats add to histograms and summaries) is also one of the registry's const labels.
    /// </exception>
    public void Register(Collector collector)
    {
        Guard.NotNull(collector);
        lock (_lock)
        {
            if (TryGet(collector.Name, out var existing))
            {
                if (ReferenceEquals(existing, collector))
                {
                    return;
                }

                throw new InvalidOperationException($"A different collector is already registered as '{collector.Name}'.");
            }

            if (collector.Registry is not null)
            {
                throw new InvalidOperationException($"Collector '{collector.Name}' is registered in another registry; unregister it there first.");
            }

            ValidateConstLabelsAgainst(collector);
            var exposedNames = collector.ExposedNames.ToArray();
            foreach (var exposedName in exposedNames)
            {
                if (_exposedNames.TryGetValue(exposedName, out var other))
                {
                    throw new InvalidOperationException(
                        $"{Describe(collector)} would write '{exposedName}', which {Describe(other)} already writes: Prometheus would reject the exposition or keep only one of the two. Rename one of them.");
                }
            }

            foreach (var exposedName in exposedNames)
            {
                _exposedNames.Add(exposedName, collector);
            }

            var collectors = new Collector[_collectors.Length + 1];
            var at = ~Array.BinarySearch(_collectors, collector, CollectorNameComparer.Instance);
            Array.Copy(_collectors, collectors, at);
            collectors[at] = collector;
            Array.Copy(_collectors, at, collectors, at + 1, _collectors.Length - at);
            collector.Registry = this;
            Volatile.Write(ref _collectors, collectors);
        }
    }

    /// <summary>Unregisters a collector; it keeps working but is no longer exposed.</summary>
    /// <returns>Whether it was registered here.</returns>
    public bool Unregister(Collector collector)
    {
        Guard.NotNull(collector);
        lock (_lock)
        {
            var at = Array.IndexOf(_collectors, collector);
            if (at < 0)
            {
                return false;
            }

            var collectors = new Collector[_collectors.Length - 1];
            Array.Copy(_collectors, collectors, at);
            Array.Copy(_collectors, at + 1, collectors, at, collectors.Length - at);
            collector.Registry = null;
            foreach (var exposedName in collector.ExposedNames)
            {
                _exposedNames.Remove(exposedName);
            }

            Volatile.Write(ref _collectors, collectors);
            return true;
        }
    }

    /// <summary>Unregisters the collector with this name.</summary>
    /// <returns>Whether one was registered.</returns>
    public bool Unregister(string name) => TryGet(name, out var collector) && Unregister(collector);

    /// <summary>Gets the collector registered under a name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out Collector? collector)
    {
        Guard.NotNull(name);
        var collectors = Volatile.Read(ref _collectors);
        var lo = 0;
        var hi = collectors.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = string.CompareOrdinal(collectors[mid].Name, name);
            if (order == 0)
            {
                collector = collectors[mid];
                return true;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        collector = null;
        return false;
    }

    /// <summary>
    /// Runs the collect callbacks, then returns the collectors for a format to write. The callbacks run off the
    /// caller's thread, one collection at a time: a call made while they run waits for that same run instead of
    /// starting another one.
    /// </summary>
    /// <param name="cancellationToken">
    /// Ends this call's wait for the callbacks; the token the callbacks receive is cancelled once every call
    /// waiting for them has ended its wait.
    /// </param>
    /// <exception cref="MetricsCollectionException">
    /// A collect callback threw, or the callbacks did not finish within <see cref="MetricRegistryOptions.CollectTimeout"/>.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CollectedMetrics> CollectAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _callbacks).Length != 0)
        {
            await RunCallbacksAsync(cancellationToken).ConfigureAwait(false);
        }

        var collectors = Volatile.Read(ref _collectors);
        foreach (var collector in collectors)
        {
            collector.PrepareForCollect();
        }

        return new CollectedMetrics(collectors, this);
    }

    /// <summary>Tells the registry's owner that <paramref name="collector"/> recorded its first label set into its overflow series.</summary>
    internal void ReportCardinalityLimit(Collector collector) => _cardinalityLimitReached?.Invoke(collector);

    private static string Describe(Collector collector) =>
        $"{collector.Type.ToString().ToLowerInvariant()} '{collector.Name}'";

    private void ValidateConstLabelsAgainst(Collector collector)
    {
        if (ConstLabels.Count == 0)
        {
            return;
        }

        var seriesLabels = collector.SeriesLabelNames();
        foreach (var pair in ConstLabels)
        {
            var clash = pair.Key switch
            {
                var n when n == collector.ReservedLabelName => $"the '{n}' label that the formats add to every {(n == "le" ? "bucket" : "quantile")} of {Describe(collector)}",
                var n when collector.ConstLabels.Any(c => c.Key == n) => $"const label '{n}' of {Describe(collector)}",
                var n when seriesLabels.Contains(n) => $"label '{n}' of {Describe(collector)}",
                _ => null,
            };
            if (clash is not null)
            {
                throw new ArgumentException(
                    $"Registry const label '{pair.Key}' clashes with {clash}: a series would carry the label twice, which Prometheus rejects.",
                    nameof(collector));
            }
        }
    }

    private sealed class CollectorNameComparer : IComparer<Collector>
    {
        public static readonly CollectorNameComparer Instance = new();

        public int Compare(Collector? x, Collector? y) => string.CompareOrdinal(x!.Name, y!.Name);
    }
}
