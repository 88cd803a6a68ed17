namespace Pyrometer.Extensions.Hosting;

/// <summary>
/// Code that runs before every collection of the injected <see cref="MetricRegistry"/> while the host runs: the
/// place to set gauges from values computed at scrape time, with services injected. Register it with
/// <see cref="PyrometerBuilder.AddCollectCallback{TCallback}"/> or as any <see cref="ICollectCallback"/> singleton.
/// </summary>
/// <remarks>Callbacks run as <see cref="MetricRegistry.AddCollectCallback(Func{CancellationToken, ValueTask})"/> describes: on a thread-pool thread, never two collections at once.</remarks>
public interface ICollectCallback
{
    /// <summary>Updates collectors before they are read.</summary>
    /// <param name="cancellationToken">Cancelled when every scrape waiting for this collection has given up.</param>
    ValueTask CollectAsync(CancellationToken cancellationToken);
}
