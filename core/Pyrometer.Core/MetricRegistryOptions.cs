namespace Pyrometer;

/// <summary>Options for a <see cref="MetricRegistry"/>.</summary>
public sealed class MetricRegistryOptions
{
    /// <summary>Gets or sets labels with fixed values (for example host or app) added to every series the registry exposes. Default: none.</summary>
    public IReadOnlyDictionary<string, string>? ConstLabels { get; set; }

    /// <summary>Gets or sets the clock collectors created by the registry use. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
