using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>One real Pushgateway shared by the push tests of this assembly; each test uses its own job.</summary>
[CollectionDefinition(Name)]
public sealed class PushgatewayCollection : ICollectionFixture<PushgatewayFixture>
{
    public const string Name = "Pushgateway";
}
