using Microsoft.Extensions.Options;
using Pyrometer.Transports.Pushgateway;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Internal;

/// <summary>Reports the hosted pusher unhealthy once <see cref="PushgatewayHostingOptions.UnhealthyAfterFailures"/> pushes in a row failed.</summary>
internal sealed class PushgatewayPusherHealth(PeriodicPushgatewayPusher pusher, IOptions<PushgatewayHostingOptions> options) : IPyrometerHealthSource
{
    public string Name => "Pushgateway";

    public PyrometerHealthReport GetHealth() =>
        PyrometerHealthReport.FromConsecutiveFailures(pusher.Status.ConsecutiveFailures, options.Value.UnhealthyAfterFailures);
}
