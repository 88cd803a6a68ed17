using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Transports.Pushgateway.Internal;

namespace Pyrometer.Transports.Pushgateway;

/// <summary>
/// Pushes a registry to a Pushgateway group every interval, from <see cref="StartAsync"/> until
/// <see cref="StopAsync"/>. Pushes never overlap; a failed push is logged and recorded in <see cref="Status"/>,
/// and the next one carries every change made meanwhile (counters are cumulative). Stopping pushes once more
/// (and optionally deletes the group) within the options' stop timeout. Usable without DI.
/// </summary>
public sealed class PeriodicPushgatewayPusher : IAsyncDisposable
{
    private readonly PushgatewayPusher _pusher;
    private readonly MetricRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _stopTimeout;
    private readonly PushMethod _method;
    private readonly bool _pushOnStop;
    private readonly bool _deleteOnStop;
    private readonly StatusMetrics? _statusMetrics;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PeriodicWorker _worker;
    private volatile PushStatus _status = PushStatus.None;

    /// <summary>Validates the options and builds the pusher; later changes to the options are not seen.</summary>
    /// <param name="options">Where, how and how often to push.</param>
    /// <param name="httpClient">The client to send with (not disposed by the pusher); null: the pusher owns one.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message says what to change.</exception>
    public PeriodicPushgatewayPusher(PeriodicPushgatewayPusherOptions options, HttpClient? httpClient = null)
    {
        Guard.NotNull(options);
        _pusher = new PushgatewayPusher(options, httpClient);
        _registry = options.Registry ?? MetricRegistry.Default;
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger<PeriodicPushgatewayPusher>() ?? NullLogger.Instance;
        _interval = options.Interval;
        _stopTimeout = options.StopTimeout;
        _method = options.Method;
        _pushOnStop = options.PushOnStop;
        _deleteOnStop = options.DeleteOnStop;
        _statusMetrics = options.ExposeStatusMetrics ? new StatusMetrics(_registry) : null;
        _worker = new PeriodicWorker(_time, _interval, "The periodic pusher was already started; create a new one to push again after stopping.");
    }

    /// <summary>Gets the group pushed to.</summary>
    public Uri GroupUri => _pusher.GroupUri;

    /// <summary>Gets the outcome of the pushes so far: last success, consecutive failures, last error.</summary>
    public PushStatus Status => _status;

    /// <summary>Starts pushing: the first push at once, then one every interval.</summary>
    /// <param name="cancellationToken">Not used to stop the pushing (use <see cref="StopAsync"/>); present for hosting.</param>
    /// <exception cref="InvalidOperationException">The pusher was already started or stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _worker.Start((_, stopping) => RunOnceAsync(token => _pusher.PushAsync(_method, _registry, token), _interval, stopping));
        Log.Started(_logger, GroupUri, _interval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops pushing: cancels a push in flight, then pushes once more (unless disabled) and deletes the group if
    /// asked, both within the options' stop timeout. Calling it again waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">Abandons the final push and delete early.</param>
    public Task StopAsync(CancellationToken cancellationToken = default) => _worker.StopAsync(FinishAsync, cancellationToken);

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases the pusher, its client if it owns one, and its status metrics.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // An earlier StopAsync was cancelled by its caller; disposing goes on.
        }

        _statusMetrics?.Dispose();
        _pusher.Dispose();
        _worker.Dispose();
        _gate.Dispose();
    }

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_pushOnStop)
        {
            await RunOnceAsync(token => _pusher.PushAsync(_method, _registry, token), _stopTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (_deleteOnStop)
        {
            using var deadline = new Deadline(_time, _stopTimeout, cancellationToken);
            try
            {
                await _pusher.DeleteAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.DeleteFailed(_logger, GroupUri, exception);
            }
        }

        Log.Stopped(_logger, GroupUri);
    }

    // One push (or the final one), never two at once, bounded by `limit`; failures are recorded, logged and
    // swallowed, cancellation through `cancellationToken` is not.
    private async Task RunOnceAsync(Func<CancellationToken, Task> push, TimeSpan limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var deadline = new Deadline(_time, limit, cancellationToken);
            try
            {
                await push(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException exception) when (deadline.Expired)
            {
                Record(new TimeoutException($"The push did not finish within {limit}.", exception));
                return;
            }
            catch (Exception exception)
            {
                Record(exception);
                return;
            }

            Record(null);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Record(Exception? error)
    {
        var before = _status;
        var now = _time.GetUtcNow();
        var after = error is null ? before.Succeeded(now) : before.Failed(now, error);
        _statusMetrics?.Update(after, error is not null);
        if (error is not null)
        {
            Log.PushFailed(_logger, GroupUri, after.ConsecutiveFailures, error);
        }
        else if (before.ConsecutiveFailures > 0)
        {
            Log.Recovered(_logger, GroupUri, before.ConsecutiveFailures);
        }

        // Published last: whoever sees the new status also sees its metrics and its log entry.
        _status = after;
    }
}
