namespace Pyrometer.Internal;

/// <summary>
/// The lifecycle of a periodic transport: <see cref="Start"/> once runs a cycle at once and then every interval
/// (on a <see cref="TimeProvider"/>, skipping ticks missed rather than catching up), <see cref="StopAsync"/> ends the
/// loop and runs a final step once however often it is called. Shared by the periodic Pushgateway pusher and the
/// remote-write sender.
/// </summary>
internal sealed class PeriodicWorker : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly string _restartMessage;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _lock = new();
    private Task _loop = Task.CompletedTask;
    private Task? _stop;
    private bool _started;

    /// <param name="time">The clock of the schedule.</param>
    /// <param name="interval">The time from the start of one cycle to the start of the next.</param>
    /// <param name="restartMessage">The message of the exception a second <see cref="Start"/> throws.</param>
    public PeriodicWorker(TimeProvider time, TimeSpan interval, string restartMessage)
    {
        _time = time;
        _interval = interval;
        _restartMessage = restartMessage;
    }

    /// <summary>Starts the loop: <paramref name="cycle"/> gets the time the next cycle is due and the stopping token.</summary>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    public void Start(Func<DateTimeOffset, CancellationToken, Task> cycle)
    {
        lock (_lock)
        {
            if (_started || _stop is not null)
            {
                throw new InvalidOperationException(_restartMessage);
            }

            _started = true;
            var stopping = _stopping.Token;
            _loop = Task.Run(() => RunAsync(cycle, stopping), CancellationToken.None);
        }
    }

    /// <summary>Ends the loop (cancelling the cycle in flight), then runs <paramref name="final"/> if the loop had started; every call returns the same task.</summary>
    public Task StopAsync(Func<CancellationToken, Task> final, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _stop ??= StopCoreAsync(final, cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StopCoreAsync(Func<CancellationToken, Task> final, CancellationToken cancellationToken)
    {
        bool started;
        lock (_lock)
        {
            started = _started;
        }

        if (!started)
        {
            return;
        }

        _stopping.Cancel();
        await _loop.ConfigureAwait(false);
        await final(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(Func<DateTimeOffset, CancellationToken, Task> cycle, CancellationToken stopping)
    {
        var next = _time.GetUtcNow();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                next += _interval;
                await cycle(next, stopping).ConfigureAwait(false);
                var now = _time.GetUtcNow();
                if (next < now)
                {
                    next = now;
                }
                else
                {
                    await Clock.Delay(_time, next - now, stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
