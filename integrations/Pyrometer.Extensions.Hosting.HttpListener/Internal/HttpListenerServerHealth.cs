using Pyrometer.Transports.HttpListener;

namespace Pyrometer.Extensions.Hosting.HttpListener.Internal;

/// <summary>Reports whether the hosted <see cref="HttpListenerMetricsServer"/> is listening.</summary>
internal sealed class HttpListenerServerHealth(HttpListenerMetricsServer server) : IPyrometerHealthSource
{
    public string Name => "HttpListener";

    public PyrometerHealthReport GetHealth() =>
        server.IsRunning
            ? PyrometerHealthReport.Healthy($"Serving metrics on {server.MetricsUrl}.")
            : PyrometerHealthReport.Unhealthy("The HttpListener metrics server is not listening.");
}
