namespace Pyrometer;

/// <summary>Options for a <see cref="Gauge"/>.</summary>
public sealed class GaugeOptions : CollectorOptions
{
}
