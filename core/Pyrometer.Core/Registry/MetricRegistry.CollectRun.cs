namespace Pyrometer;

public sealed partial class MetricRegistry
{
    /// <summary>
    /// One run of the collect callbacks on a thread-pool thread, shared by the collections that wait for it. Its
    /// waiter count and abandoned flag are guarded by the registry's lock.
    /// </summary>
    [SuppressMessage("Reliability", "CA1001", Justification = "The cancellation source has no timer or wait handle; a waiter leaving may cancel it while the run ends.")]
    private sealed class CollectRun
    {
        private readonly CancellationTokenSource _cancellation = new();

        public CollectRun(CollectCallback[] callbacks)
        {
            var token = _cancellation.Token;
            Completion = Task.Run(() => InvokeAsync(callbacks, token));
        }

        /// <summary>Gets the run; its result is the exception a callback threw, or null. It never faults.</summary>
        public Task<Exception?> Completion { get; }

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

        private static async Task<Exception?> InvokeAsync(CollectCallback[] callbacks, CancellationToken cancellationToken)
        {
            foreach (var callback in callbacks)
            {
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await callback.InvokeAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return ex;
                }
            }

            return null;
        }
    }
}
