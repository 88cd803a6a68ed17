namespace Pyrometer.Transports;

/// <summary>
/// The start, stop and dispose rules every standalone server keeps: one transition at a time, start refused once
/// disposed, stop bounded by the caller's token, dispose giving in-flight scrapes up to <see cref="DisposeGracePeriod"/>.
/// The server supplies what starting and stopping mean for it.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The semaphore's wait handle is never created, so there is nothing to dispose; a call still waiting on it would fail if it were.")]
internal sealed class ServerLifecycle(object server)
{
    /// <summary>How long disposing waits for in-flight scrapes before aborting them.</summary>
    public static readonly TimeSpan DisposeGracePeriod = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Runs <paramref name="start"/> alone; throws <see cref="ObjectDisposedException"/> once the server is disposed.</summary>
    public async Task StartAsync(Func<CancellationToken, Task> start, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
#if NET
            ObjectDisposedException.ThrowIf(_disposed, server);
#else
            if (_disposed)
            {
                throw new ObjectDisposedException(server.GetType().FullName);
            }
#endif

            await start(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="stop"/> alone, passing the caller's token on as its bound.</summary>
    public async Task StopAsync(Func<CancellationToken, Task> stop, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await stop(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="stop"/> bounded by the grace period, once; later calls do nothing.</summary>
    public async ValueTask DisposeAsync(Func<CancellationToken, Task> stop)
    {
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            using var grace = new CancellationTokenSource(DisposeGracePeriod);
            await stop(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
