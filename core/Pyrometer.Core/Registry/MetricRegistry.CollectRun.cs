namespace Pyrometer;

public sealed partial class MetricRegistry
{
    /// <summary>
    /// One run of the collect callbacks on a thread-pool thread, shared by the collections that wait for it. Its
    /// waiter count and abandoned flag are guarded by the registry's lock.
    /// </summary>
    /// <remarks>
    /// The run is one work item that invokes the callbacks in order; only when an asynchronous callback does not
    /// complete at once does the rest of the run become an async method. Synchronous callbacks thus cost the work
    /// item, the completion and the cancellation source, whatever their number.
    /// </remarks>
    [SuppressMessage("Reliability", "CA1001", Justification = "The cancellation source has no timer or wait handle; a waiter leaving may cancel it while the run ends.")]
    private sealed class CollectRun
    {
        private readonly CancellationTokenSource _cancellation = new();
        private readonly CollectCallback[] _callbacks;
        private readonly TaskCompletionSource<Exception?> _completion = new();

        public CollectRun(CollectCallback[] callbacks)
        {
            _callbacks = callbacks;
#if NET
            ThreadPool.QueueUserWorkItem(static run => run.Invoke(), this, preferLocal: false);
#else
            ThreadPool.QueueUserWorkItem(static run => ((CollectRun)run!).Invoke(), this);
#endif
        }

        /// <summary>Gets the run; its result is the exception a callback threw, or null. It never faults.</summary>
        public Task<Exception?> Completion => _completion.Task;

        public int Waiters { get; set; }

        /// <summary>Gets or sets whether every waiter gave up, so the run was cancelled.</summary>
        public bool Abandoned { get; set; }

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (AggregateException)
            {
                // A callback's cancellation handler threw; the callback reports how it ended through the run.
            }
        }

        private void Invoke()
        {
            var token = _cancellation.Token;
            for (var i = 0; i < _callbacks.Length; i++)
            {
                try
                {
                    token.ThrowIfCancellationRequested();
                    var pending = _callbacks[i].InvokeAsync(token);
                    if (!pending.IsCompleted)
                    {
                        // Completes the run itself, and never faults.
                        _ = InvokeRestAsync(pending, i + 1, token);
                        return;
                    }

                    pending.GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    _completion.SetResult(ex);
                    return;
                }
            }

            _completion.SetResult(null);
        }

        /// <summary>Awaits the callback that did not complete at once, then runs the callbacks after it.</summary>
        private async Task InvokeRestAsync(ValueTask pending, int next, CancellationToken cancellationToken)
        {
            Exception? failure = null;
            try
            {
                await pending.ConfigureAwait(false);
                for (var i = next; i < _callbacks.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await _callbacks[i].InvokeAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            _completion.SetResult(failure);
        }
    }
}
