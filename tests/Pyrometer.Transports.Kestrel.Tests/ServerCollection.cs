namespace Pyrometer.Transports.Kestrel.Tests;

/// <summary>Tests that bind ports run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "Kestrel servers";
}
