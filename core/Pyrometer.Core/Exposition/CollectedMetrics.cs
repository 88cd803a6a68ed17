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

    /// <summary>Gets <see cref="ConstLabels"/> escaped and encoded as UTF-8 once, in the form <c>name="value",...</c>.</summary>
    public ReadOnlySpan<byte> EncodedConstLabels => _registry is null ? default : _registry.EncodedConstLabels;
}
