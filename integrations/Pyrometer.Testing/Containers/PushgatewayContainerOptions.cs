namespace Pyrometer.Testing.Containers;

/// <summary>How a <see cref="PushgatewayContainer"/> runs: its image, pull policy and start timeout.</summary>
public sealed class PushgatewayContainerOptions : LoopbackContainerOptions
{
}
