using System.Net;
using Microsoft.Extensions.Logging;
using SystemHttpListener = System.Net.HttpListener;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>
/// One run of the server, from start to stop: the listener, its accept loop and the requests in flight. Each
/// request runs as its own task and is tracked until it finishes, so stopping can wait for it.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The abort source has no timer or wait handle; requests still running after an aborted stop may read its token.")]
internal sealed class ListenerSession
{
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AbortGracePeriod = TimeSpan.FromMilliseconds(250);

    private readonly SystemHttpListener _listener;
    private readonly MetricsRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<Task> _inFlight = [];
    private readonly Task _acceptLoop;
    private volatile bool _stopping;
    private volatile bool _closed;

    public ListenerSession(SystemHttpListener listener, MetricsRequestHandler handler, ILogger logger)
    {
        _listener = listener;
        _handler = handler;
        _logger = logger;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Stops: new scrapes are answered 503 while the ones in flight finish; when the token is cancelled first,
    /// the ones left are cancelled and their connections aborted. Then the listener is closed.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        Task[] inFlight;
        lock (_inFlight)
        {
            inFlight = [.. _inFlight];
        }

        var drained = await Task.WhenAll(inFlight).FinishedBeforeAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        if (drained)
        {
            _listener.Stop();
            _listener.Close();
        }
        else
        {
            Log.StopAborted(_logger, inFlight.Count(t => !t.IsCompleted));
            _abort.Cancel();

            // Requests that honour the cancellation answer 503 at once; closing their connections first would
            // make HttpListener send an empty 200 in their place.
            using var grace = new CancellationTokenSource(AbortGracePeriod);
            await Task.WhenAll(inFlight).FinishedBeforeAsync(grace.Token).ConfigureAwait(false);
            _listener.Abort();
        }

        await _acceptLoop.ConfigureAwait(false);
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_closed)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.AcceptFailed(_logger, ex);
                await Task.Delay(AcceptRetryDelay).ConfigureAwait(false);
                continue;
            }

            Track(Task.Run(() => _handler.HandleAsync(context, _stopping, _abort.Token)));
        }
    }

    private void Track(Task request)
    {
        lock (_inFlight)
        {
            _inFlight.Add(request);
        }

        request.ContinueWith(
            static (finished, state) =>
            {
                var inFlight = (HashSet<Task>)state!;
                lock (inFlight)
                {
                    inFlight.Remove(finished);
                }
            },
            _inFlight,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
