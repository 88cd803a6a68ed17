using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>
/// Runs a component with the host. The component is a singleton of the service provider, so the provider disposes
/// it; this service only starts and stops it. It is created when the host starts, after options were validated.
/// </summary>
internal sealed class HostedComponentService<TComponent>(IServiceProvider services, HostedComponentLifetime<TComponent> lifetime) : IHostedService
    where TComponent : class, IAsyncDisposable
{
    private TComponent? _started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var component = services.GetRequiredService<TComponent>();
        await lifetime.Start(component, cancellationToken).ConfigureAwait(false);
        _started = component;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        var component = Interlocked.Exchange(ref _started, null);
        return component is null ? Task.CompletedTask : lifetime.Stop(component, cancellationToken);
    }
}
