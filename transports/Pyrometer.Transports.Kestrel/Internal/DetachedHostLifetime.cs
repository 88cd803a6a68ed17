using Microsoft.Extensions.Hosting;

namespace Pyrometer.Transports.Kestrel.Internal;

/// <summary>
/// The lifetime of the metrics server's own host: started and stopped by <see cref="KestrelMetricsServer"/> alone,
/// never by Ctrl+C or SIGTERM, which belong to the application that owns the server.
/// </summary>
internal sealed class DetachedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
