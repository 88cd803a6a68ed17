namespace Pyrometer.Transports.Pushgateway.Internal;

/// <summary>A periodic pusher's outcome as metrics on the registry it pushes.</summary>
internal sealed class StatusMetrics : IDisposable
{
    private readonly MetricRegistry _registry;
    private readonly Gauge _lastSuccess;
    private readonly Gauge _consecutiveFailures;
    private readonly Counter _failures;

    public StatusMetrics(MetricRegistry registry)
    {
        _registry = registry;
        _lastSuccess = registry.CreateGauge("pyrometer_push_last_success_timestamp_seconds", "When the last push to the Pushgateway succeeded, in Unix seconds; 0 before the first.");
        _consecutiveFailures = registry.CreateGauge("pyrometer_push_consecutive_failures", "Pushes to the Pushgateway that failed in a row since the last success.");
        _failures = registry.CreateCounter("pyrometer_push_failures_total", "Pushes to the Pushgateway that failed after all their retries.");
    }

    public void Update(PushStatus status, bool failed)
    {
        if (status.LastSuccessTime is { } success)
        {
            _lastSuccess.Set(success.ToUnixTimeMilliseconds() / 1000.0);
        }

        _consecutiveFailures.Set(status.ConsecutiveFailures);
        if (failed)
        {
            _failures.Inc();
        }
    }

    public void Dispose()
    {
        _registry.Unregister(_lastSuccess);
        _registry.Unregister(_consecutiveFailures);
        _registry.Unregister(_failures);
    }
}
