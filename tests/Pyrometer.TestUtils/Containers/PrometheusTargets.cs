using System.Diagnostics;
using Pyrometer.Testing.Containers;

namespace Pyrometer.TestUtils;

/// <summary>
/// Waits on the state of one scrape target. Prometheus reports the health and error of the last scrape only, and a
/// scrape on a loaded machine can run past its timeout (the fixtures' 1 s) now and then, so a check made once, right
/// after some query showed the target up, may meet the one scrape that failed since.
/// </summary>
public static class PrometheusTargets
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Polls <c>/api/v1/targets</c> until exactly one active target of <paramref name="job"/> satisfies
    /// <paramref name="predicate"/>, and returns it.
    /// </summary>
    /// <param name="prometheus">The server.</param>
    /// <param name="job">The target's <c>job</c> label.</param>
    /// <param name="predicate">Whether the target is as awaited.</param>
    /// <param name="timeout">How long to poll; default <see cref="PrometheusContainer.DefaultWaitTimeout"/> (30 s).</param>
    /// <exception cref="TimeoutException">Not so in time; the message holds the job's targets as last seen.</exception>
    public static async Task<PrometheusTarget> WaitForTargetAsync(this PrometheusContainer prometheus, string job, Func<PrometheusTarget, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? PrometheusContainer.DefaultWaitTimeout;
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var targets = (await prometheus.GetTargetsAsync()).Where(t => t.Job == job).ToArray();
            if (targets.Length == 1 && predicate(targets[0]))
            {
                return targets[0];
            }

            if (elapsed.Elapsed >= limit)
            {
                throw new TimeoutException($"The target of job '{job}' was not as awaited within {limit.TotalSeconds} s; last seen: {(targets.Length == 0 ? "none" : string.Join("; ", targets))}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
