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
    private static readonly TimeSpan AcceptLoopGracePeriod = TimeSpan.FromSeconds(1);

    private readonly SystemHttpListener _listener;
    private readonly MetricsRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<PendingRequest> _inFlight = [];
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
    /// the ones left are cancelled and answered 503 (or cut off, if they were already writing their body).
    /// Then the listener is closed.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        PendingRequest[] inFlight;
        lock (_inFlight)
        {
            inFlight = [.. _inFlight];
        }

        var handling = Task.WhenAll(inFlight.Select(r => r.Handling));
        var drained = await handling.FinishedBeforeAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        if (drained)
        {
            // Close alone: Stop then Close removes the prefixes twice, and the second removal binds the port again
            // for a moment (failing with "address in use" if another socket took it in between).
            _listener.Close();
        }
        else
        {
            Log.StopAborted(_logger, inFlight.Count(r => !r.Handling.IsCompleted));
            _abort.Cancel();

            // Handlers that honour the cancellation answer 503 themselves; the server answers for the rest.
            using var grace = new CancellationTokenSource(AbortGracePeriod);
            await handling.FinishedBeforeAsync(grace.Token).ConfigureAwait(false);
            foreach (var request in inFlight)
            {
                AnswerInPlaceOfHandler(request);
            }

            _listener.Abort();
        }

        // A GetContextAsync that starts while the listener closes can stay pending for ever (seen on Linux, the
        // accept loop only just started): the loop then ends with the closed listener, and stopping does not wait.
        using var acceptGrace = new CancellationTokenSource(AcceptLoopGracePeriod);
        await _acceptLoop.FinishedBeforeAsync(acceptGrace.Token).ConfigureAwait(false);
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

            Track(context);
        }
    }

    private void Track(HttpListenerContext context)
    {
        var request = new PendingRequest(context);
        lock (_inFlight)
        {
            request.Handling = Task.Run(() => _handler.HandleAsync(request, _stopping, _abort.Token));
            _inFlight.Add(request);
        }

        request.Handling.ContinueWith(
            static (_, state) =>
            {
                var (inFlight, finished) = ((HashSet<PendingRequest>, PendingRequest))state!;
                lock (inFlight)
                {
                    inFlight.Remove(finished);
                }
            },
            (_inFlight, request),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AnswerInPlaceOfHandler(PendingRequest request)
    {
        if (request.Handling.IsCompleted || !request.TakeForServer())
        {
            return;
        }

        try
        {
            MetricsRequestHandler.AnswerStopping(request);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            ScrapeLog.ResponseAborted(_logger, ex);
        }
    }
}
