namespace Pyrometer.Internal;

/// <summary>Delays on a <see cref="TimeProvider"/>, the same on every target framework.</summary>
internal static class Clock
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET
        Task.Delay(delay, time, cancellationToken);
#else
        time.Delay(delay, cancellationToken);
#endif

    public static CancellationTokenSource Timer(TimeProvider time, TimeSpan delay) =>
#if NET
        new(delay, time);
#else
        time.CreateCancellationTokenSource(delay);
#endif
}
