using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Pyrometer.Transports.Http;

/// <summary>
/// How a push transport retries, times out and stops trying. Plain settable properties, so they bind from
/// configuration; <see cref="Validate"/> (called when a transport is built) says what to change when they do not fit.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>Gets or sets the retries after the first attempt, 0 to 10. Default: 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the delay before the first retry; each later retry doubles it. Default: 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Gets or sets the longest delay between two attempts, also the longest <c>Retry-After</c> honoured: a 429 asking
    /// for a longer wait is not retried. Default: 2 s.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets whether delays are randomised (jitter) so many senders do not retry in step. Default: true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets or sets how long one attempt may take before it is abandoned and counts as a failure. Default: 5 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets whether a circuit breaker stops attempts for <see cref="BreakDuration"/> after repeated failures. Default: true.</summary>
    public bool CircuitBreakerEnabled { get; set; } = true;

    /// <summary>Gets or sets the share of failed attempts, above 0 and at most 1, that opens the circuit. Default: 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many attempts, at least 2, must be seen in <see cref="SamplingDuration"/> before the circuit can open. Default: 4.</summary>
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>Gets or sets the window, at least 0.5 s, over which <see cref="FailureRatio"/> is measured. Default: 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long an open circuit fails sends at once, at least 0.5 s, before one attempt is let through. Default: 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets the longest one send can take with these settings: every attempt running into <see cref="AttemptTimeout"/>,
    /// with the longest delay between them.
    /// </summary>
    public TimeSpan GetMaxSendDuration()
    {
        var total = TimeSpan.FromTicks(AttemptTimeout.Ticks * (MaxRetryAttempts + 1L));
        for (var retry = 0; retry < MaxRetryAttempts; retry++)
        {
            total += MaxBackoff(retry);
        }

        return total;
    }

    /// <summary>Checks the settings.</summary>
    /// <param name="prefix">How the caller names these options in messages, e.g. <c>Resilience</c>.</param>
    /// <exception cref="ValidationException">A setting is out of range; the message names it and what to change.</exception>
    public void Validate(string prefix = nameof(HttpResilienceOptions))
    {
        Require(MaxRetryAttempts is >= 0 and <= 10, prefix, nameof(MaxRetryAttempts), MaxRetryAttempts, "must be 0 to 10");
        Require(BaseDelay > TimeSpan.Zero, prefix, nameof(BaseDelay), BaseDelay, "must be positive");
        Require(MaxDelay >= BaseDelay, prefix, nameof(MaxDelay), MaxDelay, $"must be at least {nameof(BaseDelay)} ({BaseDelay})");
        Require(AttemptTimeout >= TimeSpan.FromMilliseconds(10) && AttemptTimeout <= TimeSpan.FromDays(1), prefix, nameof(AttemptTimeout), AttemptTimeout, "must be 10 ms to 1 day");
        if (!CircuitBreakerEnabled)
        {
            return;
        }

        Require(FailureRatio > 0 && FailureRatio <= 1, prefix, nameof(FailureRatio), FailureRatio, "must be above 0 and at most 1");
        Require(MinimumThroughput >= 2, prefix, nameof(MinimumThroughput), MinimumThroughput, "must be at least 2");
        Require(SamplingDuration >= TimeSpan.FromMilliseconds(500), prefix, nameof(SamplingDuration), SamplingDuration, "must be at least 0.5 s");
        Require(BreakDuration >= TimeSpan.FromMilliseconds(500), prefix, nameof(BreakDuration), BreakDuration, "must be at least 0.5 s");
    }

    // The exponential backoff before retry number `retry` (0-based), capped by MaxDelay; jitter stays under the cap.
    private TimeSpan MaxBackoff(int retry)
    {
        if (UseJitter)
        {
            return MaxDelay;
        }

        var ticks = BaseDelay.Ticks * Math.Pow(2, retry);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static void Require(bool condition, string prefix, string property, object value, string rule)
    {
        if (!condition)
        {
            throw new ValidationException(string.Format(CultureInfo.InvariantCulture, "{0}.{1} is {2} but {3}.", prefix, property, value, rule));
        }
    }
}
