using System.Runtime.CompilerServices;

namespace Pyrometer;

/// <summary>Tracks work in progress on a <see cref="Gauge"/>: up by one while the code runs, down again when it ends, even by throwing.</summary>
public static class PyrometerGaugeExtensions
{
    /// <summary>Increments the gauge now and decrements it when the returned tracker is disposed: <c>using (inFlight.TrackInProgress()) { ... }</c>.</summary>
    public static InProgressTracker TrackInProgress(this IGauge gauge) => new(Guard.NotNull(gauge));

    /// <summary>Runs <paramref name="action"/> with the gauge incremented.</summary>
    public static void TrackInProgress(this IGauge gauge, Action action)
    {
        Guard.NotNull(action);
        using var tracker = gauge.TrackInProgress();
        action();
    }

    /// <summary>Runs <paramref name="func"/> with the gauge incremented and returns its result.</summary>
    public static T TrackInProgress<T>(this IGauge gauge, Func<T> func)
    {
        Guard.NotNull(func);
        using var tracker = gauge.TrackInProgress();
        return func();
    }

    /// <summary>Awaits <paramref name="func"/> with the gauge incremented until it completes.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task TrackInProgressAsync(this IGauge gauge, Func<Task> func)
    {
        Guard.NotNull(func);
        using var tracker = gauge.TrackInProgress();
        await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/> with the gauge incremented and returns its result.</summary>
    [OverloadResolutionPriority(1)]
    public static async Task<T> TrackInProgressAsync<T>(this IGauge gauge, Func<Task<T>> func)
    {
        Guard.NotNull(func);
        using var tracker = gauge.TrackInProgress();
        return await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/> with the gauge incremented until it completes.</summary>
    public static async ValueTask TrackInProgressAsync(this IGauge gauge, Func<ValueTask> func)
    {
        Guard.NotNull(func);
        using var tracker = gauge.TrackInProgress();
        await func().ConfigureAwait(false);
    }

    /// <summary>Awaits <paramref name="func"/> with the gauge incremented and returns its result.</summary>
    public static async ValueTask<T> TrackInProgressAsync<T>(this IGauge gauge, Func<ValueTask<T>> func)
    {
        Guard.NotNull(func);
        using var tracker = gauge.TrackInProgress();
        return await func().ConfigureAwait(false);
    }
}
