using Pyrometer.TestUtils;
using Pyrometer.Transports.Http;

namespace Pyrometer.Transports.Pushgateway.Tests;

/// <summary>Options and a client over a scripted Pushgateway, for unit tests.</summary>
internal static class PusherHarness
{
    public static readonly Uri Endpoint = new("http://pushgateway.test:9091/");

    public static HttpResilienceOptions SingleAttempt() => new()
    {
        MaxRetryAttempts = 0,
        AttemptTimeout = TimeSpan.FromSeconds(1),
        CircuitBreakerEnabled = false,
    };

    public static PushgatewayPusherOptions Options(string job = "batch") => new()
    {
        Endpoint = Endpoint,
        Job = job,
        Resilience = SingleAttempt(),
    };

    public static (MetricRegistry Registry, Counter Requests) RegistryWithCounter()
    {
        var registry = new MetricRegistry();
        var counter = registry.CreateCounter("total_requests", "The total number of requests.", "url");
        counter.WithLabels("/p/user").Inc();
        return (registry, counter);
    }
}
