using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Transports.Http;
using Pyrometer.Transports.RemoteWrite.Internal;

namespace Pyrometer.Transports.RemoteWrite;

/// <summary>
/// Sends a registry by Prometheus remote write 1.0 every interval, from <see cref="StartAsync"/> until
/// <see cref="StopAsync"/>: collects, stamps every sample with the collection time, encodes requests of at most
/// <see cref="RemoteWriteSenderOptions.MaxSeriesPerRequest"/> series and queues them; then sends the queue oldest
/// first through the resilience pipeline until it is empty or the next collection is due. A request that fails after
/// its retries stays queued for the next cycle; one rejected with a client error is dropped and logged with the
/// receiver's message; a full queue drops its oldest request and counts it. Stopping collects once more and
/// flushes the queue within the options' stop timeout. Usable without DI.
/// </summary>
public sealed class RemoteWriteSender : IAsyncDisposable
{
    private readonly MetricRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _stopTimeout;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly ResilientHttpSender _sender;
    private readonly WriteRequestEncoder _encoder;
    private readonly RequestQueue _queue;
    private readonly SenderMetrics _metrics;
    private readonly List<EncodedBatch> _encoded = [];
    private readonly PeriodicWorker _worker;

    /// <summary>Validates the options and builds the sender; later changes to the options are not seen.</summary>
    /// <param name="options">Where, what and how often to send.</param>
    /// <param name="httpClient">The client to send with, e.g. from <c>IHttpClientFactory</c> (not disposed by the sender); null: the sender owns one.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">The options are invalid; the message says what to change.</exception>
    public RemoteWriteSender(RemoteWriteSenderOptions options, HttpClient? httpClient = null)
    {
        Guard.NotNull(options);
        options.Validate();
        Endpoint = options.Endpoint!;
        _registry = options.Registry ?? MetricRegistry.Default;
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = (ILogger?)options.LoggerFactory?.CreateLogger<RemoteWriteSender>() ?? NullLogger.Instance;
        _interval = options.Interval;
        _stopTimeout = options.StopTimeout;
        var pipeline = options.Pipeline ?? HttpResiliencePipeline.Create(options.Resilience, _time);
        _ownsClient = httpClient is null;
        _client = httpClient ?? new HttpClient();
        _sender = new ResilientHttpSender(_client, options.Http, pipeline);
        _encoder = new WriteRequestEncoder(options.ExternalLabels.OrderBy(l => l.Key, StringComparer.Ordinal), options.MaxSeriesPerRequest, options.SendExemplars);
        _queue = new RequestQueue(options.MaxQueuedRequests);
        _metrics = new SenderMetrics(_registry);
        _worker = new PeriodicWorker(_time, _interval, "The remote-write sender was already started; create a new one to send again after stopping.");
    }

    /// <summary>Gets the receiver's write address.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets how many encoded requests wait to be sent.</summary>
    public int QueuedRequests => _queue.Count;

    /// <summary>Gets how many requests were dropped unsent because the queue was full (also <c>pyrometer_remote_write_dropped_requests_total</c>).</summary>
    public long DroppedRequests => (long)_metrics.Dropped.Value;

    /// <summary>Gets how many requests the receiver rejected with a client error (also <c>pyrometer_remote_write_rejected_requests_total</c>).</summary>
    public long RejectedRequests => (long)_metrics.Rejected.Value;

    /// <summary>Starts sending: the first collection at once, then one every interval.</summary>
    /// <param name="cancellationToken">Not used to stop the sending (use <see cref="StopAsync"/>); present for hosting.</param>
    /// <exception cref="InvalidOperationException">The sender was already started or stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _worker.Start(RunCycleAsync);

        Log.Started(_logger, Endpoint, _interval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops sending: ends the cycle in flight, collects once more and sends every queued request, all within the
    /// options' stop timeout; what is still unsent then is logged. Calling it again waits for the same stop.
    /// </summary>
    /// <param name="cancellationToken">Abandons the final flush early.</param>
    public Task StopAsync(CancellationToken cancellationToken = default) => _worker.StopAsync(FlushAsync, cancellationToken);

    /// <summary>Stops (see <see cref="StopAsync"/>) and releases the sender, its client if it owns one, and its metrics.</summary>
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

        _metrics.Dispose();
        _encoder.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }

        _worker.Dispose();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using (var deadline = new Deadline(_time, _stopTimeout, cancellationToken))
        {
            try
            {
                await CollectAsync(deadline.Token).ConfigureAwait(false);
                await DrainAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.Expired && !cancellationToken.IsCancellationRequested)
            {
                // The stop timeout passed; what is left is logged below.
            }
        }

        if (_queue.Count > 0)
        {
            Log.StoppedWithUnsent(_logger, Endpoint, _queue.Count);
        }

        Log.Stopped(_logger, Endpoint);
    }

    // One cycle: collect, then send until the queue is empty, a request fails, or the next collection is due.
    private async Task RunCycleAsync(DateTimeOffset next, CancellationToken stopping)
    {
        await CollectAsync(stopping).ConfigureAwait(false);
        var remaining = next - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        using var deadline = new Deadline(_time, remaining, stopping);
        try
        {
            await DrainAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.Expired && !stopping.IsCancellationRequested)
        {
            // Time for the next collection; the request in flight stays queued.
        }
    }

    /// <summary>Collects the registry and queues its requests; a failure is logged, the queue left as it was.</summary>
    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var timestamp = _time.GetUtcNow();
            var metrics = await _registry.CollectAsync(cancellationToken).ConfigureAwait(false);
            _encoded.Clear();
            _encoder.Encode(metrics, timestamp, _encoded);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CollectFailed(_logger, Endpoint, exception);
            return;
        }

        foreach (var batch in _encoded)
        {
            if (_queue.Add(batch) is { } dropped)
            {
                _metrics.Dropped.Inc();
                Log.Dropped(_logger, Endpoint, _queue.Capacity, dropped.SeriesCount);
            }
        }

        _encoded.Clear();
    }

    /// <summary>Sends the queue oldest first until it is empty or a request fails after its retries.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (_queue.TryPeek(out var batch))
        {
            try
            {
                await _sender.SendAsync(() => RemoteWriteRequest.Create(Endpoint, batch.Body), cancellationToken).ConfigureAwait(false);
            }
            catch (HttpTransportException exception) when (exception.IsClientError)
            {
                // Sending it again cannot succeed (remote write 1.0: no retry on 4xx but 429).
                _metrics.Rejected.Inc();
                Log.Rejected(_logger, Endpoint, (int)exception.StatusCode, batch.SeriesCount, exception.ResponseBody);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SendFailed(_logger, Endpoint, _queue.Count, exception);
                return;
            }

            _queue.Remove(batch);
        }
    }
}
