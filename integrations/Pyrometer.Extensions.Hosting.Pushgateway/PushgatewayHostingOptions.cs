namespace Pyrometer.Extensions.Hosting.Pushgateway;

/// <summary>
/// What the host adds to a hosted <see cref="Transports.Pushgateway.PeriodicPushgatewayPusher"/>: when its health
/// turns unhealthy and which <see cref="HttpClient"/> it sends with. <see cref="UnhealthyAfterFailures"/> is read from
/// <c>Pyrometer:Pushgateway</c> like the pusher's own settings.
/// </summary>
public sealed class PushgatewayHostingOptions
{
    /// <summary>Gets or sets how many pushes in a row must fail before the pusher's health source reports unhealthy; at least 1. Default: 3.</summary>
    public int UnhealthyAfterFailures { get; set; } = 3;

    /// <summary>
    /// Gets or sets where the pusher's <see cref="HttpClient"/> comes from, called once when the pusher is created, for
    /// example <c>sp =&gt; sp.GetRequiredService&lt;IHttpClientFactory&gt;().CreateClient("pushgateway")</c> for a named
    /// client the app configured with <c>AddHttpClient("pushgateway")</c>. The pusher does not dispose it. Default: null,
    /// the pusher creates a client of its own and disposes it with itself.
    /// </summary>
    public Func<IServiceProvider, HttpClient>? HttpClientFactory { get; set; }
}
