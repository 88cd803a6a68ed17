using Microsoft.Extensions.Options;
using Pyrometer.Transports.RemoteWrite;

namespace Pyrometer.Extensions.Hosting.RemoteWrite.Internal;

/// <summary>Reports the hosted <see cref="RemoteWriteSender"/> unhealthy while its queue of unsent requests is full (the receiver has not taken them for that long).</summary>
internal sealed class RemoteWriteSenderHealth(RemoteWriteSender sender, IOptions<RemoteWriteSenderOptions> options) : IPyrometerHealthSource
{
    public string Name => "RemoteWrite";

    public PyrometerHealthReport GetHealth()
    {
        var queued = sender.QueuedRequests;
        var capacity = options.Value.MaxQueuedRequests;
        return queued < capacity
            ? PyrometerHealthReport.Healthy($"Sending to {sender.Endpoint}; {queued} requests queued.")
            : PyrometerHealthReport.Unhealthy($"The remote-write queue for {sender.Endpoint} is full ({queued} requests): the receiver is not taking them; {sender.DroppedRequests} dropped so far.");
    }
}
