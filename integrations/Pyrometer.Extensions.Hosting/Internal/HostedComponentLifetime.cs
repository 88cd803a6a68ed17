namespace Pyrometer.Extensions.Hosting.Internal;

/// <summary>How the host starts and stops a component added with <see cref="PyrometerBuilder.AddHostedComponent{TComponent}"/>.</summary>
internal sealed class HostedComponentLifetime<TComponent>(
    Func<TComponent, CancellationToken, Task> start,
    Func<TComponent, CancellationToken, Task> stop)
{
    public Func<TComponent, CancellationToken, Task> Start { get; } = start;

    public Func<TComponent, CancellationToken, Task> Stop { get; } = stop;
}
