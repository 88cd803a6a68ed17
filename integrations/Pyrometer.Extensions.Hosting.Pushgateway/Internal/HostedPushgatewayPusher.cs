using Microsoft.Extensions.Logging;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>
/// Starts and stops the singleton <see cref="PeriodicPushgatewayPusher"/> with the host. Stopping waits for the
/// pusher's final push and delete only until the host's shutdown token is cancelled, then gives up (logging it), so
/// the host never waits past its shutdown timeout. The service provider disposes the pusher, not this.
/// </summary>
internal sealed class HostedPushgatewayPusher(PeriodicPushgatewayPusher pusher, ILogger logger) : IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => pusher.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WaitAsync(pusher.StopAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.StopAbandoned(logger, pusher.GroupUri);
        }
    }

    public ValueTask DisposeAsync() => default;

    private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
#if NET
        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
        if (!task.IsCompleted)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        await task.ConfigureAwait(false);
#endif
    }
}
