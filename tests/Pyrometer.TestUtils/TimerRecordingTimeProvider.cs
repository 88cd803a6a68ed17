using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Pyrometer.TestUtils;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records the due time of every timer created on it, so a test can wait
/// until code under test is waiting (a delay or timeout was armed) before advancing the clock.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    /// <summary>Gets the due times of the timers created, in order.</summary>
    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        DueTimes.Enqueue(dueTime);
        return timer;
    }

    /// <summary>Waits (in real time, at most 10 s) until at least <paramref name="count"/> timers were created.</summary>
    /// <exception cref="TimeoutException">They were not.</exception>
    public async Task WaitForTimersAsync(int count)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DueTimes.Count < count)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{DueTimes.Count} timers were created, not {count}: [{string.Join(", ", DueTimes)}]");
            }

            await Task.Delay(1);
        }
    }
}
