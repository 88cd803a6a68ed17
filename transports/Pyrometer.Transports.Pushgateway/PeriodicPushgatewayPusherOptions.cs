using System.ComponentModel.DataAnnotations;

namespace Pyrometer.Transports.Pushgateway;

/// <summary>
/// Settings of a <see cref="PeriodicPushgatewayPusher"/>: those of every push plus the schedule. Plain settable
/// properties, so they bind from configuration; validated (<see cref="Validate"/>) when the pusher is built.
/// </summary>
public sealed class PeriodicPushgatewayPusherOptions : PushgatewayPusherOptions
{
    /// <summary>Gets or sets the registry pushed. Default: <see cref="MetricRegistry.Default"/>.</summary>
    public MetricRegistry? Registry { get; set; }

    /// <summary>Gets or sets the time from the start of one push to the start of the next, at least 10 ms. Default: 30 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how each push changes the group. Default: <see cref="PushMethod.Replace"/>.</summary>
    public PushMethod Method { get; set; } = PushMethod.Replace;

    /// <summary>Gets or sets whether stopping pushes once more, so the group holds the final values. Default: true.</summary>
    public bool PushOnStop { get; set; } = true;

    /// <summary>Gets or sets whether stopping deletes the group (after the final push, if any). Default: false.</summary>
    public bool DeleteOnStop { get; set; }

    /// <summary>Gets or sets the longest the final push and delete may take when stopping. Default: 5 s.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets whether the pusher's outcome is also exposed on <see cref="Registry"/> (and so pushed):
    /// <c>pyrometer_push_last_success_timestamp_seconds</c>, <c>pyrometer_push_consecutive_failures</c> and
    /// <c>pyrometer_push_failures_total</c>. Default: false.
    /// </summary>
    public bool ExposeStatusMetrics { get; set; }

    /// <inheritdoc />
    /// <remarks>Also checks that a push with every retry fits inside <see cref="Interval"/>.</remarks>
    public override void Validate()
    {
        base.Validate();
        if (Interval < TimeSpan.FromMilliseconds(10))
        {
            throw new ValidationException($"{nameof(Interval)} is {Interval} but must be at least 10 ms.");
        }

        if (StopTimeout <= TimeSpan.Zero)
        {
            throw new ValidationException($"{nameof(StopTimeout)} is {StopTimeout} but must be positive.");
        }

        if (Pipeline is null && Resilience.GetMaxSendDuration() is var longest && longest > Interval)
        {
            throw new ValidationException(
                $"A push may take up to {longest} with {nameof(Resilience)} ({Resilience.MaxRetryAttempts + 1} attempts of up to {nameof(Resilience.AttemptTimeout)} {Resilience.AttemptTimeout}, " +
                $"delays of up to {nameof(Resilience.MaxDelay)} {Resilience.MaxDelay}), longer than {nameof(Interval)} ({Interval}): " +
                $"lower Resilience.MaxRetryAttempts, AttemptTimeout or MaxDelay, or raise {nameof(Interval)}.");
        }
    }
}
