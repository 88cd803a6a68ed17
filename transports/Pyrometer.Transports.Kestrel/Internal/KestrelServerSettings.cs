using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pyrometer.Transports.Kestrel.Internal;

/// <summary>The validated form of <see cref="KestrelMetricsServerOptions"/>, fixed at construction; the certificate is loaded then too.</summary>
internal sealed class KestrelServerSettings
{
    private const string Name = nameof(KestrelMetricsServerOptions);
    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "::", "[::]"];

    private KestrelServerSettings(KestrelMetricsServerOptions options, string path, IPAddress? address, string urlHost, X509Certificate2? certificate, ILoggerFactory loggerFactory, ScrapeSettings scrape)
    {
        Port = options.Port;
        Path = path;
        Address = address;
        UrlHost = urlHost;
        // Without TLS, Kestrel serves HTTP/1.1 alone for HTTP/1.1 + HTTP/2 (no ALPN to offer HTTP/2) and warns so at
        // every start; asking for HTTP/1.1 serves the same without the warning.
        Protocols = certificate is null && options.Protocols == HttpProtocols.Http1AndHttp2 ? HttpProtocols.Http1 : options.Protocols;
        Certificate = certificate;
        LoggerFactory = loggerFactory;
        Scrape = scrape;
    }

    public int Port { get; }

    /// <summary>Gets the metrics path, without a trailing slash unless it is <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the address to bind, or null for both loopback addresses (<c>localhost</c>).</summary>
    public IPAddress? Address { get; }

    /// <summary>Gets the host written in <see cref="KestrelMetricsServer.MetricsUrl"/>.</summary>
    public string UrlHost { get; }

    public HttpProtocols Protocols { get; }

    /// <summary>Gets the certificate HTTPS is served with, or null for plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    public string Scheme => Certificate is null ? "http" : "https";

    public ILoggerFactory LoggerFactory { get; }

    public ScrapeSettings Scrape { get; }

    public static KestrelServerSettings From(KestrelMetricsServerOptions options)
    {
        Guard.NotNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, $"{Name}.Port must be between 0 (pick a free port) and 65535.");
        }

        var (address, urlHost) = ParseHost(options.Host, nameof(options));
        var path = MetricsPath.Normalize(options.Path, Name, nameof(options));
        if (options.Protocols == HttpProtocols.None)
        {
            throw new ArgumentException($"{Name}.Protocols must name at least one HTTP version.", nameof(options));
        }

        var certificate = LoadCertificate(options, nameof(options));
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var builder = options.ToScrapeSettings(Name);
        builder.BasicAuthUsername = options.BasicAuthUsername;
        builder.BasicAuthPassword = options.BasicAuthPassword;
        builder.BearerToken = options.BearerToken;
        var scrape = ScrapeSettings.From(builder, loggerFactory.CreateLogger<KestrelMetricsServer>());
        return new KestrelServerSettings(options, path, address, urlHost, certificate, loggerFactory, scrape);
    }

    private static (IPAddress? Address, string UrlHost) ParseHost(string? host, string paramName)
    {
        if (host is not null && Array.IndexOf(WildcardHosts, host) >= 0)
        {
            return (IPAddress.IPv6Any, "localhost");
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "localhost");
        }

        var bare = host is { Length: > 2 } && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (bare is null || !IPAddress.TryParse(bare, out var address))
        {
            throw new ArgumentException($"{Name}.Host must be an IP address, 'localhost' or '*' (Kestrel binds addresses, not host names); got '{host}'.", paramName);
        }

        return (address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bare}]" : bare);
    }

    private static X509Certificate2? LoadCertificate(KestrelMetricsServerOptions options, string paramName)
    {
        if (options.Certificate is { } given)
        {
            if (options.CertificatePath is not null)
            {
                throw new ArgumentException($"Set {Name}.Certificate or {Name}.CertificatePath, not both.", paramName);
            }

            return given.HasPrivateKey ? given : throw new ArgumentException($"{Name}.Certificate ('{given.Subject}') has no private key, which HTTPS needs.", paramName);
        }

        if (options.CertificatePath is null)
        {
            return options.CertificateKeyPath is null ? null : throw new ArgumentException($"{Name}.CertificateKeyPath is set but {Name}.CertificatePath is not.", paramName);
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(options.CertificatePath, options.CertificateKeyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ArgumentException($"{Name}.CertificatePath '{options.CertificatePath}' (key: '{options.CertificateKeyPath ?? "in the same file"}') could not be loaded as a PEM certificate with its private key: {ex.Message}", paramName, ex);
        }
    }
}
