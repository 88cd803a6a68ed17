namespace Pyrometer;

/// <summary>Options for a <see cref="Counter"/>.</summary>
public sealed class CounterOptions : CollectorOptions
{
}
