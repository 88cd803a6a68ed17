namespace Pyrometer.Transports.Pushgateway;

/// <summary>The outcome of a periodic pusher's pushes so far; a snapshot, replaced after every push.</summary>
public sealed class PushStatus
{
    internal static readonly PushStatus None = new(null, null, 0, 0, 0, null);

    internal PushStatus(DateTimeOffset? lastAttemptTime, DateTimeOffset? lastSuccessTime, int consecutiveFailures, long successes, long failures, Exception? lastError)
    {
        LastAttemptTime = lastAttemptTime;
        LastSuccessTime = lastSuccessTime;
        ConsecutiveFailures = consecutiveFailures;
        Successes = successes;
        Failures = failures;
        LastError = lastError;
    }

    /// <summary>Gets when the last push finished, successful or not; null before the first.</summary>
    public DateTimeOffset? LastAttemptTime { get; }

    /// <summary>Gets when the last successful push finished; null if none succeeded yet.</summary>
    public DateTimeOffset? LastSuccessTime { get; }

    /// <summary>Gets how many pushes in a row failed since the last success.</summary>
    public int ConsecutiveFailures { get; }

    /// <summary>Gets how many pushes succeeded.</summary>
    public long Successes { get; }

    /// <summary>Gets how many pushes failed (each after all its retries).</summary>
    public long Failures { get; }

    /// <summary>Gets the error of the last failed push, or null if the last push succeeded (or none ran).</summary>
    public Exception? LastError { get; }

    internal PushStatus Succeeded(DateTimeOffset now) => new(now, now, 0, Successes + 1, Failures, null);

    internal PushStatus Failed(DateTimeOffset now, Exception error) =>
        new(now, LastSuccessTime, ConsecutiveFailures + 1, Successes, Failures + 1, error);
}
