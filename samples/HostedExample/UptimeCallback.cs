using System.Diagnostics;
using Pyrometer;
using Pyrometer.Extensions.Hosting;

namespace HostedExample;

/// <summary>Sets the service's uptime each time Prometheus scrapes, from a service that takes the registry by injection.</summary>
internal sealed class UptimeCallback(MetricRegistry registry) : ICollectCallback
{
    private readonly Gauge _uptime = registry.CreateGauge("service_uptime_seconds", "Seconds since the service started.");
    private readonly long _started = Stopwatch.GetTimestamp();

    public ValueTask CollectAsync(CancellationToken cancellationToken)
    {
        _uptime.Set(Stopwatch.GetElapsedTime(_started).TotalSeconds);
        return ValueTask.CompletedTask;
    }
}
