namespace Pyrometer.Transports.HttpListener.Tests.Fakes;

/// <summary>
/// The system clock, counting the timers created on it. A registry starts one per collection waiting with a finite
/// collect timeout, so a test can tell when every scrape it sent is waiting for the callbacks.
/// </summary>
internal sealed class TimerCountingTimeProvider : TimeProvider
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
    }
}
