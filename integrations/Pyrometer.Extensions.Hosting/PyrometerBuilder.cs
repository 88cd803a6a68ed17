using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pyrometer.Extensions.Hosting.Internal;

namespace Pyrometer.Extensions.Hosting;

/// <summary>
/// Returned by <c>AddPyrometer()</c>: the services Pyrometer registers into, and the configuration section its
/// packages bind their options from. Transports' hosting packages add their <c>Add*</c> methods on it.
/// </summary>
public sealed class PyrometerBuilder
{
    internal PyrometerBuilder(IServiceCollection services, IConfiguration? configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>Gets the service collection Pyrometer's services are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Gets the <c>Pyrometer</c> configuration section (the one <c>AddPyrometer</c> was given, or
    /// <c>builder.Configuration["Pyrometer"]</c>), or null when Pyrometer is configured in code only. Each package
    /// binds a child section of it: <c>HttpListener</c>, <c>Kestrel</c>, <c>Pushgateway</c>.
    /// </summary>
    public IConfiguration? Configuration { get; }

    /// <summary>
    /// Registers a collect callback, created from the service provider, that runs before every collection of the
    /// injected <see cref="MetricRegistry"/> while the host runs. Registering the same type twice adds it once.
    /// Any <see cref="ICollectCallback"/> registered in the service collection is used the same way.
    /// </summary>
    /// <typeparam name="TCallback">The callback type; its constructor's parameters are injected.</typeparam>
    public PyrometerBuilder AddCollectCallback<
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
#endif
        TCallback>()
        where TCallback : class, ICollectCallback
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICollectCallback, TCallback>());
        return this;
    }

    /// <summary>
    /// Runs a component (a metrics server, a pusher) with the host: it is created once from the service provider
    /// (and can be injected as <typeparamref name="TComponent"/>), started by <paramref name="start"/> when the host
    /// starts, stopped by <paramref name="stop"/> with the host's shutdown token when it stops, and disposed with the
    /// service provider. Hosting packages build their <c>Add*</c> methods on this; adding the same component type
    /// twice runs it once.
    /// </summary>
    /// <param name="factory">Creates the component; typically from options the package registered.</param>
    /// <param name="start">Starts it, with the token the host starts with.</param>
    /// <param name="stop">Stops it, with the host's shutdown token; it must return once that token is cancelled.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PyrometerBuilder AddHostedComponent<TComponent>(
        Func<IServiceProvider, TComponent> factory,
        Func<TComponent, CancellationToken, Task> start,
        Func<TComponent, CancellationToken, Task> stop)
        where TComponent : class, IAsyncDisposable
    {
        Guard.NotNull(factory);
        Guard.NotNull(start);
        Guard.NotNull(stop);
        Services.TryAddSingleton(factory);
        Services.TryAddSingleton(new HostedComponentLifetime<TComponent>(start, stop));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HostedComponentService<TComponent>>());
        return this;
    }
}
