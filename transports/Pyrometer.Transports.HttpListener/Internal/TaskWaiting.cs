namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>Waiting for a task with a cancellation bound, without cancelling the task itself.</summary>
internal static class TaskWaiting
{
    /// <summary>Waits for the task to finish or the token to be cancelled, whichever comes first. Does not throw the task's exception.</summary>
    /// <returns>Whether the task finished.</returns>
    public static async Task<bool> FinishedBeforeAsync(this Task task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            return await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) == task;
        }
    }
}
