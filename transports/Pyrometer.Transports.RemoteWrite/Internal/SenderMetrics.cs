namespace Pyrometer.Transports.RemoteWrite.Internal;

/// <summary>What the sender lost, as counters on the registry it sends (so they are sent too).</summary>
internal sealed class SenderMetrics : IDisposable
{
    public const string DroppedName = "pyrometer_remote_write_dropped_requests_total";
    public const string RejectedName = "pyrometer_remote_write_rejected_requests_total";

    private readonly MetricRegistry _registry;

    public SenderMetrics(MetricRegistry registry)
    {
        _registry = registry;
        Dropped = registry.CreateCounter(DroppedName, "Remote-write requests dropped unsent because the queue of unsent requests was full.");
        Rejected = registry.CreateCounter(RejectedName, "Remote-write requests the receiver rejected with a client error (4xx other than 429), not retried.");
    }

    public Counter Dropped { get; }

    public Counter Rejected { get; }

    public void Dispose()
    {
        _registry.Unregister(Dropped);
        _registry.Unregister(Rejected);
    }
}
