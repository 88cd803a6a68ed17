using System.Diagnostics;
using System.Globalization;

namespace Pyrometer;

public sealed partial class MetricRegistry
{
    // The longest finite collect timeout: timers take at most int.MaxValue milliseconds on every target.
    private static readonly TimeSpan LongestCollectTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    // How long a collection waits for the callbacks on its own thread before it awaits them (Stopwatch ticks of
    // 50 microseconds): about what handing a run to a thread-pool thread and back costs, far below any timeout.
    private static readonly long BriefWait = Stopwatch.Frequency / 20_000;

    private readonly TimeSpan _collectTimeout;
    private CollectRun? _run;

    /// <summary>
    /// Adds code that runs each time the registry is collected, before it is read: the place to set gauges
    /// from values computed at scrape time. If it throws, that scrape fails and later scrapes run it again.
    /// </summary>
    /// <remarks>
    /// Callbacks run on a thread-pool thread, never on the caller's, and never two collections at once: scrapes
    /// that arrive while the callbacks run share that run. A callback that blocks holds up one thread at most; the
    /// scrapes waiting for it fail after <see cref="MetricRegistryOptions.CollectTimeout"/>, and no new run starts
    /// until it returns.
    /// </remarks>
    /// <returns>A handle that removes the callback when disposed.</returns>
    public IDisposable AddCollectCallback(Action callback)
    {
        Guard.NotNull(callback);
        return AddCallback(new CollectCallback(callback, null));
    }

    /// <summary>Adds asynchronous code that runs each time the registry is collected, before it is read.</summary>
    /// <remarks>
    /// The token the callback receives is cancelled when every scrape waiting for the collection has given up,
    /// at the latest <see cref="MetricRegistryOptions.CollectTimeout"/> after the last of them started waiting.
    /// Runs are shared and never overlap, as for <see cref="AddCollectCallback(Action)"/>.
    /// </remarks>
    /// <returns>A handle that removes the callback when disposed.</returns>
    public IDisposable AddCollectCallback(Func<CancellationToken, ValueTask> callback)
    {
        Guard.NotNull(callback);
        return AddCallback(new CollectCallback(null, callback));
    }

    private static TimeSpan ValidCollectTimeout(MetricRegistryOptions options)
    {
        var timeout = options.CollectTimeout;
        if (timeout != Timeout.InfiniteTimeSpan && (timeout <= TimeSpan.Zero || timeout > LongestCollectTimeout))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                timeout,
                $"{nameof(MetricRegistryOptions)}.{nameof(options.CollectTimeout)} must be greater than zero and at most {LongestCollectTimeout.Days} days, or Timeout.InfiniteTimeSpan to wait without a bound.");
        }

        return timeout;
    }

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Waits for a run of the callbacks: the one in flight, or a new one when none is. A run whose waiters all gave
    /// up is cancelled; a call that finds one still running waits for it to end before starting its own.
    /// </summary>
    private async Task RunCallbacksAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var started = TimeProvider.GetTimestamp();
        while (true)
        {
            var (run, joined) = JoinRun();
            Exception? failure;
            try
            {
                failure = EndsWithin(run.Completion, BriefWait)
                    ? run.Completion.Result
                    : await run.Completion.WaitAsync(Remaining(started), TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new MetricsCollectionException(
                    $"The collect callbacks of the registry did not finish within the collect timeout of {Seconds(_collectTimeout)} " +
                    $"({nameof(MetricRegistryOptions)}.{nameof(MetricRegistryOptions.CollectTimeout)}); they are still running, " +
                    "and later collections wait for them to return before running them again.");
            }
            finally
            {
                if (joined)
                {
                    LeaveRun(run);
                }
            }

            if (failure is null)
            {
                return;
            }

            if (joined)
            {
                throw new MetricsCollectionException($"A collect callback of the registry failed: {failure.Message}", failure);
            }

            // An abandoned run failed (or honoured its cancellation): run the callbacks afresh for this call.
        }
    }

    /// <summary>
    /// Spins (yielding the processor) for at most <paramref name="budget"/> ticks of <see cref="Stopwatch"/> until
    /// <paramref name="run"/> completes. Quick callbacks end within it, and the collection goes on in the caller's
    /// thread with no timer and no continuation on another thread; slower ones are awaited with the timeout.
    /// </summary>
    private static bool EndsWithin(Task run, long budget)
    {
        if (run.IsCompleted)
        {
            return true;
        }

        var started = Stopwatch.GetTimestamp();
        var spinner = default(SpinWait);
        while (!run.IsCompleted)
        {
            if (Stopwatch.GetTimestamp() - started > budget)
            {
                return false;
            }

#if NET
            spinner.SpinOnce(sleep1Threshold: -1);
#else
            if (spinner.NextSpinWillYield)
            {
                Thread.Yield();
            }
            else
            {
                spinner.SpinOnce();
            }
#endif
        }

        return true;
    }

    private TimeSpan Remaining(long started)
    {
        if (_collectTimeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var left = _collectTimeout - TimeProvider.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Gets the run to wait for, starting one if none is in flight.</summary>
    /// <returns>The run, and whether the caller counts as its waiter (false for an abandoned run still running).</returns>
    private (CollectRun Run, bool Joined) JoinRun()
    {
        lock (_lock)
        {
            var run = _run;
            if (run is null || run.Completion.IsCompleted)
            {
                run = new CollectRun(_callbacks);
                _run = run;
            }
            else if (run.Abandoned)
            {
                return (run, false);
            }

            run.Waiters++;
            return (run, true);
        }
    }

    private void LeaveRun(CollectRun run)
    {
        lock (_lock)
        {
            if (--run.Waiters > 0 || run.Completion.IsCompleted)
            {
                return;
            }

            run.Abandoned = true;
        }

        // Outside the lock: cancelling runs the callbacks' cancellation handlers, which may use the registry.
        run.Cancel();
    }

    private CollectCallback AddCallback(CollectCallback callback)
    {
        lock (_lock)
        {
            Volatile.Write(ref _callbacks, [.. _callbacks, callback]);
        }

        callback.Registry = this;
        return callback;
    }

    private void RemoveCallback(CollectCallback callback)
    {
        lock (_lock)
        {
            Volatile.Write(ref _callbacks, _callbacks.Where(c => !ReferenceEquals(c, callback)).ToArray());
        }
    }

    private sealed class CollectCallback(Action? action, Func<CancellationToken, ValueTask>? asyncAction) : IDisposable
    {
        public MetricRegistry? Registry { get; set; }

        public ValueTask InvokeAsync(CancellationToken cancellationToken)
        {
            if (action is not null)
            {
                action();
                return default;
            }

            return asyncAction!(cancellationToken);
        }

        public void Dispose() => Registry?.RemoveCallback(this);
    }
}
