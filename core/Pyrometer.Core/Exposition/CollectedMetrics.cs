namespace Pyrometer.Exposition;

/// <summary>
/// What a format writes for one scrape: the registry's collectors, sorted by name, after its collect callbacks ran,
/// and the registry's const labels. Series values are read live while writing; histogram and summary snapshots
/// are each consistent.
/// </summary>
public readonly struct CollectedMetrics
{
    private readonly Collector[]? _collectors;
    private readonly MetricRegistry? _registry;

    internal CollectedMetrics(Collector[] collectors, MetricRegistry registry)
    {
        _collectors = collectors;
        _registry = registry;
    }

    /// <summary>Gets the collectors (metric families) in name order.</summary>
    public ReadOnlySpan<Collector> Collectors => _collectors;

    /// <summary>Gets the registry's const labels, sorted by name, which every series carries before its own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConstLabels => _registry?.ConstLabels ?? [];

    /// <summary>
    /// Gets an exposition format's encoding of <see cref="ConstLabels"/>, computed with <paramref name="encode"/> the
    /// first time this key asks and cached on the registry, so later scrapes reuse it without allocating.
    /// </summary>
    /// <param name="key">The format's key, created once.</param>
    /// <param name="encode">Computes the encoding from the const labels; it may run more than once when scrapes race.</param>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> returned null.</exception>
    public T GetConstLabelsEncoding<T>(EncodingKey<T> key, Func<IReadOnlyList<KeyValuePair<string, string>>, T> encode)
        where T : class
    {
        Guard.NotNull(key);
        Guard.NotNull(encode);
        return _registry is null
            ? encode([]) ?? throw new InvalidOperationException("An encoding function returned null; return an empty encoding instead.")
            : _registry.GetConstLabelsEncoding(key, encode);
    }
}
