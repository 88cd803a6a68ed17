namespace Pyrometer.Extensions.Hosting.Metrics.Internal;

/// <summary>Collectors (or a bridge) added to the registry when the host starts and removed when it stops (or the provider is disposed).</summary>
internal abstract class AttachedMetrics(MetricRegistry registry) : IAsyncDisposable
{
    private readonly object _lock = new();
    private IDisposable? _handle;

    public Task StartAsync()
    {
        lock (_lock)
        {
            _handle ??= Attach(registry);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        IDisposable? handle;
        lock (_lock)
        {
            handle = _handle;
            _handle = null;
        }

        handle?.Dispose();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    protected abstract IDisposable Attach(MetricRegistry registry);
}
