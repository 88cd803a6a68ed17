namespace Pyrometer.TestUtils.Tests.Containers;

[CollectionDefinition(Name)]
public sealed class PushgatewayCollection : ICollectionFixture<PushgatewayContainer>
{
    public const string Name = "Pushgateway";
}
