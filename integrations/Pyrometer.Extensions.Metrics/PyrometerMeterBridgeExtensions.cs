using Pyrometer.Extensions.Metrics;

namespace Pyrometer;

/// <summary>Extensions of <see cref="MetricRegistry"/> that export System.Diagnostics.Metrics instruments.</summary>
public static class PyrometerMeterBridgeExtensions
{
    /// <summary>
    /// Starts exporting System.Diagnostics.Metrics instruments into the registry (every meter unless
    /// <paramref name="configure"/> selects some). Dispose the returned bridge to stop.
    /// </summary>
    /// <param name="registry">The registry.</param>
    /// <param name="configure">Sets the bridge's options; default: every meter, classic histograms.</param>
    /// <returns>The running bridge.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public static MeterBridge AddMeterBridge(this MetricRegistry registry, Action<MeterBridgeOptions>? configure = null)
    {
        var options = new MeterBridgeOptions();
        configure?.Invoke(options);
        return new MeterBridge(Guard.NotNull(registry), options);
    }
}
