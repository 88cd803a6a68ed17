using Pyrometer.TestUtils;

namespace Pyrometer.Testing.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class PushgatewayCollection : ICollectionFixture<PushgatewayFixture>
{
    public const string Name = "Pushgateway";
}
