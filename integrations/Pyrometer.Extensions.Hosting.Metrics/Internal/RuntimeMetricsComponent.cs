namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>
/// The runtime metrics of <c>AddRuntimeMetrics()</c>, attached while the host runs. Its registration also tells the
/// meter bridge to leave out the <c>System.Runtime</c> meter.
/// </summary>
internal sealed class RuntimeMetricsComponent(MetricRegistry registry) : AttachedMetrics(registry)
{
    protected override IDisposable Attach(MetricRegistry registry) => registry.AddRuntimeMetrics();
}
