using Microsoft.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>
/// Attaches every <see cref="ICollectCallback"/> in the service provider to the injected registry when the host
/// starts, and detaches them when it stops (or the provider is disposed), so two hosts in one process sharing
/// <see cref="MetricRegistry.Default"/> leave no callbacks behind. It is registered before any server, so it starts
/// first and stops last.
/// </summary>
internal sealed class CollectCallbackService(MetricRegistry registry, IEnumerable<ICollectCallback> callbacks) : IHostedService, IDisposable
{
    private readonly object _lock = new();
    private List<IDisposable>? _attached;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_attached is null)
            {
                var attached = new List<IDisposable>();
                foreach (var callback in callbacks)
                {
                    attached.Add(registry.AddCollectCallback(callback.CollectAsync));
                }

                _attached = attached;
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Detach();
        return Task.CompletedTask;
    }

    public void Dispose() => Detach();

    private void Detach()
    {
        List<IDisposable>? attached;
        lock (_lock)
        {
            attached = _attached;
            _attached = null;
        }

        attached?.ForEach(static handle => handle.Dispose());
    }
}
