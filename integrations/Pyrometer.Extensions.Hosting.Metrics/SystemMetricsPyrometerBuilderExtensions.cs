using Pyrometer.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Metrics.Internal;

namespace Pyrometer;

/// <summary>Adds the process and .NET runtime metrics to the host's registry while the host runs.</summary>
public static class SystemMetricsPyrometerBuilderExtensions
{
    /// <summary>
    /// Adds the process metrics (<c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c>,
    /// <c>process_start_time_seconds</c>, ...; see <see cref="PyrometerMetricRegistryExtensions.AddProcessMetrics"/>)
    /// to the injected <see cref="MetricRegistry"/> when the host starts, and removes them when it stops. Adding
    /// them again changes nothing.
    /// </summary>
    public static PyrometerBuilder AddProcessMetrics(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return builder.AddHostedComponent(
            static provider => new ProcessMetricsComponent(Registry(provider)),
            static (component, _) => component.StartAsync(),
            static (component, _) => component.StopAsync());
    }

    /// <summary>
    /// Adds the .NET runtime metrics (<c>dotnet_gc_collections_total</c>, <c>dotnet_thread_pool_thread_count</c>, ...;
    /// see <see cref="PyrometerMetricRegistryExtensions.AddRuntimeMetrics"/>) to the injected
    /// <see cref="MetricRegistry"/> when the host starts, and removes them when it stops. A meter bridge added with
    /// <see cref="MeterBridgePyrometerBuilderExtensions.AddMeterBridge(PyrometerBuilder)"/> then leaves out the
    /// runtime's own <c>System.Runtime</c> meter (.NET 9 and later), whose instruments map to the same names, in
    /// whichever order the two are added. Adding them again changes nothing.
    /// </summary>
    public static PyrometerBuilder AddRuntimeMetrics(this PyrometerBuilder builder)
    {
        Guard.NotNull(builder);
        return builder.AddHostedComponent(
            static provider => new RuntimeMetricsComponent(Registry(provider)),
            static (component, _) => component.StartAsync(),
            static (component, _) => component.StopAsync());
    }

    private static MetricRegistry Registry(IServiceProvider provider) =>
        (MetricRegistry)(provider.GetService(typeof(MetricRegistry)) ?? throw new InvalidOperationException("No MetricRegistry is registered; call AddPyrometer() first."));
}
