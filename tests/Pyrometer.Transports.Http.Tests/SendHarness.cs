using Pyrometer.TestUtils;

namespace Pyrometer.Transports.Http.Tests;

/// <summary>A sender over a scripted handler on a fake clock, with the times (since start) each request arrived.</summary>
internal sealed class SendHarness : IDisposable
{
    public static readonly Uri Target = new("http://pushgateway.test/metrics/job/test");
    private readonly HttpClient _client;

    public SendHarness(HttpResilienceOptions options, ScriptedHttpHandler handler, HttpEndpointOptions? endpoint = null)
    {
        Handler = handler;
        _client = new HttpClient(handler);
        Sender = new ResilientHttpSender(_client, endpoint ?? new HttpEndpointOptions(), HttpResiliencePipeline.Create(options, Time));
    }

    public TimerRecordingTimeProvider Time { get; } = new();

    public ScriptedHttpHandler Handler { get; }

    public ResilientHttpSender Sender { get; }

    public Task<System.Net.HttpStatusCode> SendAsync(CancellationToken cancellationToken = default) =>
        Sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Target) { Content = new StringContent("x 1\n") }, cancellationToken);

    public static HttpResilienceOptions Options(int retries = 3, bool breaker = false) => new()
    {
        MaxRetryAttempts = retries,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        UseJitter = false,
        AttemptTimeout = TimeSpan.FromMinutes(1),
        CircuitBreakerEnabled = breaker,
    };

    public void Dispose() => _client.Dispose();
}
