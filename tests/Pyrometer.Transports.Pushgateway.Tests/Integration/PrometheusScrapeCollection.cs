using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Pushgateway.Tests.Integration;

/// <summary>A real Prometheus, for the test that scrapes the shared Pushgateway.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusScrapeCollection : ICollectionFixture<PrometheusFixture>, ICollectionFixture<PushgatewayFixture>
{
    public const string Name = "Prometheus scraping the Pushgateway";
}
