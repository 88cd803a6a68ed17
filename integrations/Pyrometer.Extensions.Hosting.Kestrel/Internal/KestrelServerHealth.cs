using Pyrometer.Transports.Kestrel;

namespace Pyrometer.Extensions.Hosting.Kestrel.Internal;

/// <summary>Reports whether the hosted <see cref="KestrelMetricsServer"/> is listening.</summary>
internal sealed class KestrelServerHealth(KestrelMetricsServer server) : IPyrometerHealthSource
{
    public string Name => "Kestrel";

    public PyrometerHealthReport GetHealth() =>
        server.IsRunning
            ? PyrometerHealthReport.Healthy($"Serving metrics on {server.MetricsUrl}.")
            : PyrometerHealthReport.Unhealthy("The Kestrel metrics server is not listening.");
}
