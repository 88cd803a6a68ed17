using Pyrometer.Extensions.Metrics;

namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>The <see cref="MeterBridge"/> of <c>AddMeterBridge()</c>: created when the host starts, disposed when it stops.</summary>
internal sealed class HostedMeterBridge(MetricRegistry registry, MeterBridgeOptions options) : AttachedMetrics(registry)
{
    protected override IDisposable Attach(MetricRegistry registry) => new MeterBridge(registry, options);
}
