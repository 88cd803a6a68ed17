using Microsoft.Extensions.Logging;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener;

/// <summary>Options for a <see cref="HttpListenerMetricsServer"/>.</summary>
public sealed class HttpListenerMetricsServerOptions
{
    /// <summary>
    /// Gets or sets the address or host name to listen on. Default: <c>127.0.0.1</c>, so metrics are reachable
    /// from this machine only. Use <c>+</c> (or <c>*</c>, <c>0.0.0.0</c>, <c>::</c>) to listen on every interface.
    /// </summary>
    /// <remarks>
    /// HttpListener matches the request's <c>Host</c> header against this value: a server on <c>127.0.0.1</c>
    /// answers <c>http://127.0.0.1:port/</c>, not <c>http://localhost:port/</c>. Listening on every interface
    /// accepts any host name; on Windows it needs a URL reservation (<c>netsh http add urlacl</c>) or admin rights.
    /// </remarks>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Gets or sets the TCP port. 0 picks a free port when the server starts; read the result from
    /// <see cref="HttpListenerMetricsServer.MetricsUrl"/>. Default: 0.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the path metrics are served at; it must start with <c>/</c>. Other paths answer 404.
    /// Default: <c>/metrics</c>.
    /// </summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Gets or sets the registry to expose. Default: <see cref="MetricRegistry.Default"/>.</summary>
    public MetricRegistry? Registry { get; set; }

    /// <summary>
    /// Gets or sets the formats to serve, negotiated from each request's <c>Accept</c> header or chosen by name
    /// with a query such as <c>?format=openmetrics</c> (an unknown name is answered 400). Default: the Prometheus
    /// text format 0.0.4 (<c>text</c>, the fallback) and OpenMetrics 1.0.0 (<c>openmetrics</c>).
    /// </summary>
    public ExpositionFormatCollection? Formats { get; set; }

    /// <summary>Gets or sets whether responses are gzip-compressed for clients that accept gzip. Default: true.</summary>
    public bool EnableCompression { get; set; } = true;

    /// <summary>
    /// Gets or sets how many scrapes may be collected and written at once; further scrapes wait up to
    /// <see cref="ScrapeQueueTimeout"/> for a slot, then get 503. Default: 4.
    /// </summary>
    public int MaxConcurrentScrapes { get; set; } = 4;

    /// <summary>
    /// Gets or sets how long a scrape waits for a slot when <see cref="MaxConcurrentScrapes"/> are running
    /// before it is answered 503; zero answers at once. Default: 2 seconds.
    /// </summary>
    public TimeSpan ScrapeQueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how many bytes of free response buffers the server keeps for the next scrapes. A body is written
    /// into pooled 512 KiB blocks, so a scrape holds about its body's size (plus its compressed size, with gzip);
    /// when it has been sent, its blocks go back to the pool up to this amount and the rest are left to the garbage
    /// collector. The pool holds only blocks that scrapes used (a server whose bodies fit in one block keeps a block
    /// or two per concurrent scrape, whatever the limit); scrapes whose buffers fit within it allocate none. Set it below your bodies' size and every scrape
    /// allocates the difference anew. It is rounded down to whole blocks and must be at least one block (524288).
    /// Default: 64 MiB.
    /// </summary>
    public long MaxRetainedBufferBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// Gets or sets how long one write of a response body (at most a 512 KiB block) may wait for the client to take
    /// it before the connection is cut off. HttpListener has no send timeout of its own, so without this a client
    /// that stops reading would hold its scrape slot until it reads or disconnects, and a few such clients would
    /// keep every other scrape waiting for a slot. A client reading more slowly than 512 KiB per this time is cut
    /// off too. <see cref="Timeout.InfiniteTimeSpan"/> turns the bound off. Default: 30 seconds.
    /// </summary>
    public TimeSpan SendStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the user name a scrape must give with basic authentication (<c>Authorization: Basic ...</c>), with
    /// <see cref="BasicAuthPassword"/>; set both or neither. A scrape without accepted credentials is answered 401
    /// with <c>WWW-Authenticate</c> and no metrics, and refusals are logged once per burst. Serve protected metrics
    /// over HTTPS or on a trusted network only: basic credentials travel in clear text. Default: null (none needed).
    /// </summary>
    public string? BasicAuthUsername { get; set; }

    /// <summary>Gets or sets the password that goes with <see cref="BasicAuthUsername"/>. Default: null.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>
    /// Gets or sets the token a scrape may give as <c>Authorization: Bearer &lt;token&gt;</c> (Prometheus'
    /// <c>authorization</c> or <c>bearer_token</c> setting); with basic credentials set too, either is accepted.
    /// Default: null (none needed).
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the logger factory for start, stop and failed scrapes. Default: none (nothing is logged).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
