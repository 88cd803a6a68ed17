using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>Times code into a <see cref="Histogram"/> or <see cref="Summary"/>, in seconds; durations are recorded even when the code throws.</summary>
public static class PyrometerValueObserverExtensions
{
    /// <summary>Starts a timer that observes the elapsed seconds when disposed: <c>using (latency.StartTimer()) { ... }</c>.</summary>
    /// <remarks>The clock is the collector's (see <see cref="CollectorOptions.TimeProvider"/>).</remarks>
    /// <param name="observer">The histogram or summary (or a series of one).</param>
    public static MetricTimer StartTimer(this IValueObserver observer) =>
        new(Guard.NotNull(observer), ClockOf(observer));

    /// <summary>Runs <paramref name="action"/> and observes how long it took.</summary>
    public static void Time(this IValueObserver observer, Action action)
    {
        Guard.NotNull(action);
        using var timer = observer.StartTimer();
        action();
    }

    /// <summary>Runs <paramref name="func"/>, observes how long it took and returns its result.</summary>
    public static T Time<T>(this IValueObserver observer, Func<T> func)
    {
        Guard.NotNull(func);
        using var timer = observer.StartTimer();
        return func();
    }

    /// <summary>Awaits <paramref name="func"/> and observes how long it took until completion.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task TimeAsync(this IValueObserver observer, Func<Task> func)
    {
        Guard.NotNull(func);
        using var timer = observer.StartTimer();
        await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/>, observes how long it took and returns its result.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task<T> TimeAsync<T>(this IValueObserver observer, Func<Task<T>> func)
    {
        Guard.NotNull(func);
        using var timer = observer.StartTimer();
        return await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/> and observes how long it took until completion.</summary>
    public static async ValueTask TimeAsync(this IValueObserver observer, Func<ValueTask> func)
    {
        Guard.NotNull(func);
        using var timer = observer.StartTimer();
        await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/>, observes how long it took and returns its result.</summary>
    public static async ValueTask<T> TimeAsync<T>(this IValueObserver observer, Func<ValueTask<T>> func)
    {
        Guard.NotNull(func);
        using var timer = observer.StartTimer();
        return await func().ConfigureAwait(false);
    }

    private static TimeProvider ClockOf(IValueObserver observer) => observer switch
    {
        Collector collector => collector.TimeProvider,
        MetricSeries series => series.Collector.TimeProvider,
        _ => TimeProvider.System,
    };
}
