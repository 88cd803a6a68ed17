using Pyrometer.TestUtils;

namespace Pyrometer.Extensions.Hosting.Pushgateway.Tests.Integration;

/// <summary>One real Pushgateway shared by the hosted push tests of this assembly; each test uses its own job.</summary>
[CollectionDefinition(Name)]
public sealed class PushgatewayCollection : ICollectionFixture<PushgatewayFixture>
{
    public const string Name = "Pushgateway";
}
