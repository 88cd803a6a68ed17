using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Pyrometer.Transports.Kestrel;

/// <summary>Options for a <see cref="KestrelMetricsServer"/>: where it listens, HTTPS, credentials, and the scrape settings it shares with the endpoint.</summary>
public sealed class KestrelMetricsServerOptions : PyrometerMetricsEndpointOptions
{
    /// <summary>
    /// Gets or sets the address to listen on: an IP address, <c>localhost</c> (both loopback addresses), or <c>*</c>
    /// (also <c>+</c>, <c>0.0.0.0</c>, <c>::</c>) for every interface. Default: <c>127.0.0.1</c>, so metrics are
    /// reachable from this machine only. Unlike HttpListener, any <c>Host</c> header is answered.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Gets or sets the TCP port. 0 picks a free port when the server starts; read the result from
    /// <see cref="KestrelMetricsServer.MetricsUrl"/>. Default: 0.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the path metrics are served at; it must start with <c>/</c>. Other paths answer 404.
    /// Default: <c>/metrics</c>.
    /// </summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Gets or sets the HTTP versions served. Over HTTPS both are offered through ALPN; without TLS, HTTP/2 is served
    /// only as <see cref="HttpProtocols.Http2"/> alone (prior knowledge), as Kestrel does, so HTTP/1.1 and HTTP/2 over
    /// plain HTTP serve HTTP/1.1 (without Kestrel's warning about it). Default: HTTP/1.1 and HTTP/2.
    /// </summary>
    public HttpProtocols Protocols { get; set; } = HttpProtocols.Http1AndHttp2;

    /// <summary>
    /// Gets or sets the path of a PEM certificate file to serve HTTPS with, its key in <see cref="CertificateKeyPath"/>
    /// or in the same file. Default: null (plain HTTP unless <see cref="Certificate"/> is set).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Gets or sets the path of the PEM private key that goes with <see cref="CertificatePath"/>. Default: null (the key is in the certificate file).</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>
    /// Gets or sets a certificate with its private key to serve HTTPS with, instead of <see cref="CertificatePath"/>.
    /// The server does not dispose it. Default: null.
    /// </summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// Gets or sets the user name a scrape must give with basic authentication (<c>Authorization: Basic ...</c>), with
    /// <see cref="BasicAuthPassword"/>; set both or neither. A scrape without accepted credentials is answered 401
    /// with <c>WWW-Authenticate</c> and no metrics, and refusals are logged once per burst. Serve protected metrics
    /// over HTTPS: basic credentials travel in clear text. Default: null (none needed).
    /// </summary>
    public string? BasicAuthUsername { get; set; }

    /// <summary>Gets or sets the password that goes with <see cref="BasicAuthUsername"/>. Default: null.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>
    /// Gets or sets the token a scrape may give as <c>Authorization: Bearer &lt;token&gt;</c> (Prometheus'
    /// <c>authorization</c> setting); with basic credentials set too, either is accepted. Default: null (none needed).
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the logger factory for start, stop, failed and refused scrapes. Default: none (nothing is logged).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
