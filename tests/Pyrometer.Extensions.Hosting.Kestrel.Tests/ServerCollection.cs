namespace Pyrometer.Extensions.Hosting.Kestrel.Tests;

/// <summary>Tests that bind ports run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "Servers";
}
