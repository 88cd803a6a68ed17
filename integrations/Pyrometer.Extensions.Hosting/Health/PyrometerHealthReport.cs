using System.Globalization;

namespace Pyrometer.Extensions.Hosting;

/// <summary>The health of one hosted component, as an <see cref="IPyrometerHealthSource"/> reports it.</summary>
public sealed class PyrometerHealthReport
{
    private PyrometerHealthReport(bool isHealthy, string description)
    {
        IsHealthy = isHealthy;
        Description = description;
    }

    /// <summary>Gets whether the component works.</summary>
    public bool IsHealthy { get; }

    /// <summary>Gets what the component is doing, or what is wrong, for people reading the report.</summary>
    public string Description { get; }

    /// <summary>A report of a working component.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public static PyrometerHealthReport Healthy(string description) => new(true, Guard.NotNull(description));

    /// <summary>A report of a component that does not work.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public static PyrometerHealthReport Unhealthy(string description) => new(false, Guard.NotNull(description));

    /// <summary>
    /// The report of a component that retries (a pusher): unhealthy once <paramref name="consecutiveFailures"/> has
    /// reached <paramref name="unhealthyAfter"/>, healthy before, with the count in the description.
    /// </summary>
    /// <param name="consecutiveFailures">Failed attempts since the last success.</param>
    /// <param name="unhealthyAfter">How many consecutive failures make the component unhealthy; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="consecutiveFailures"/> is negative or <paramref name="unhealthyAfter"/> is below 1.</exception>
    public static PyrometerHealthReport FromConsecutiveFailures(int consecutiveFailures, int unhealthyAfter)
    {
        if (consecutiveFailures < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(consecutiveFailures), consecutiveFailures, "The number of consecutive failures cannot be negative.");
        }

        if (unhealthyAfter < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(unhealthyAfter), unhealthyAfter, "A component becomes unhealthy after at least 1 consecutive failure.");
        }

        var text = string.Format(CultureInfo.InvariantCulture, "{0} consecutive failures (unhealthy from {1}).", consecutiveFailures, unhealthyAfter);
        return consecutiveFailures >= unhealthyAfter ? Unhealthy(text) : Healthy(text);
    }
}
