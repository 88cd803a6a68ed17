namespace Pyrometer.Transports.RemoteWrite.Tests.Integration;

/// <summary>The system clock moved back by a fixed offset (timers run in real time), so samples are stamped in the past.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() - offset;
}
