namespace Pyrometer.Transports.HttpListener.Tests;

/// <summary>Tests that bind ports run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerCollection
{
    public const string Name = "HttpListener servers";
}
