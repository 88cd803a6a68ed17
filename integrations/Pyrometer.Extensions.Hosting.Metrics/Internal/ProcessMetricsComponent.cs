namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>The process metrics of <c>AddProcessMetrics()</c>, attached while the host runs.</summary>
internal sealed class ProcessMetricsComponent(MetricRegistry registry) : AttachedMetrics(registry)
{
    protected override IDisposable Attach(MetricRegistry registry) => registry.AddProcessMetrics();
}
