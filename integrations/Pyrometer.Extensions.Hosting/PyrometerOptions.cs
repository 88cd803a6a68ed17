namespace Pyrometer.Extensions.Hosting;

/// <summary>
/// Options of <c>AddPyrometer()</c>: which <see cref="MetricRegistry"/> the services share. Bound from the
/// <c>Pyrometer</c> configuration section by <c>builder.AddPyrometer()</c>.
/// </summary>
public sealed class PyrometerOptions
{
    /// <summary>
    /// Gets or sets whether the registry registered for injection is <see cref="MetricRegistry.Default"/>, so that
    /// collectors created on it anywhere in the process are served. False creates a registry of the service
    /// provider's own, with <see cref="ConstLabels"/> and <see cref="CollectTimeout"/>. Default: true.
    /// </summary>
    public bool UseDefaultRegistry { get; set; } = true;

    /// <summary>
    /// Gets the labels added to every series of the registry (for example <c>service</c> or <c>region</c>).
    /// <see cref="MetricRegistry.Default"/> has none, so const labels need <see cref="UseDefaultRegistry"/> false.
    /// Default: none.
    /// </summary>
    public IDictionary<string, string> ConstLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how long a collection waits for the registry's collect callbacks
    /// (<see cref="MetricRegistryOptions.CollectTimeout"/>); needs <see cref="UseDefaultRegistry"/> false.
    /// Default: null, the registry's default of 5 seconds.
    /// </summary>
    public TimeSpan? CollectTimeout { get; set; }
}
