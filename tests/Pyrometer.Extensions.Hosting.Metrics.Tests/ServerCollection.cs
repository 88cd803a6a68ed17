namespace Pyrometer.Extensions.Hosting.Metrics.Tests;

/// <summary>Tests that bind ports or read process-wide meters run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "Servers";
}
