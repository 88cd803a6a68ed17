using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>The validated, normalised form of <see cref="HttpListenerMetricsServerOptions"/>, fixed at construction.</summary>
internal sealed class ServerSettings
{
    private static readonly string[] WildcardHosts = ["+", "*", "0.0.0.0", "::", "[::]"];

    private ServerSettings(HttpListenerMetricsServerOptions options, string path, ScrapeSettings scrape, string prefixHost, string urlHost, IPAddress probeAddress)
    {
        SendStallTimeout = options.SendStallTimeout;
        Host = options.Host;
        PrefixHost = prefixHost;
        UrlHost = urlHost;
        ProbeAddress = probeAddress;
        Port = options.Port;
        Path = path;
        Scrape = scrape;
    }

    /// <summary>Gets the host as the user gave it, for messages.</summary>
    public string Host { get; }

    /// <summary>Gets the host as written in the HttpListener prefix (<c>+</c> for every interface, IPv6 in brackets).</summary>
    public string PrefixHost { get; }

    /// <summary>Gets the host written in <see cref="HttpListenerMetricsServer.MetricsUrl"/>.</summary>
    public string UrlHost { get; }

    /// <summary>Gets the address a free port is looked for on when <see cref="Port"/> is 0.</summary>
    public IPAddress ProbeAddress { get; }

    public int Port { get; }

    /// <summary>Gets the metrics path, without a trailing slash unless it is <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets how long one write of a body may wait for the client; <see cref="Timeout.InfiniteTimeSpan"/> for no bound.</summary>
    public TimeSpan SendStallTimeout { get; }

    /// <summary>Gets how scrapes are answered: everything the options say that every transport shares.</summary>
    public ScrapeSettings Scrape { get; }

    public MetricRegistry Registry => Scrape.Registry;

    public ExpositionFormatCollection Formats => Scrape.Formats;

    public bool EnableCompression => Scrape.EnableCompression;

    public int MaxConcurrentScrapes => Scrape.MaxConcurrentScrapes;

    public TimeSpan ScrapeQueueTimeout => Scrape.ScrapeQueueTimeout;

    /// <summary>Gets the server's pool of response buffers, bounded by <see cref="HttpListenerMetricsServerOptions.MaxRetainedBufferBytes"/>.</summary>
    public ResponseBufferPool Buffers => Scrape.Buffers;

    public ILogger Logger => Scrape.Logger;

    public static ServerSettings From(HttpListenerMetricsServerOptions options)
    {
        Guard.NotNull(options);
        var host = options.Host;
        if (string.IsNullOrWhiteSpace(host) || host.IndexOfAny([' ', '\t', '/', '?', '#', '@']) >= 0)
        {
            throw new ArgumentException($"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.Host)} must be an IP address, a host name or '+'; got '{host}'.", nameof(options));
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, $"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.Port)} must be between 0 (pick a free port) and 65535.");
        }

        if (!ScrapeLimits.IsValidSendStallTimeout(options.SendStallTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SendStallTimeout, $"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.SendStallTimeout)} must be {ScrapeLimits.SendStallTimeoutRange}.");
        }

        var path = MetricsPath.Normalize(options.Path, nameof(HttpListenerMetricsServerOptions), nameof(options));
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<HttpListenerMetricsServer>();
        var scrape = ScrapeSettings.From(
            new ScrapeSettingsBuilder(nameof(HttpListenerMetricsServerOptions))
            {
                Registry = options.Registry,
                Formats = options.Formats,
                EnableCompression = options.EnableCompression,
                MaxConcurrentScrapes = options.MaxConcurrentScrapes,
                ScrapeQueueTimeout = options.ScrapeQueueTimeout,
                MaxRetainedBufferBytes = options.MaxRetainedBufferBytes,
                BasicAuthUsername = options.BasicAuthUsername,
                BasicAuthPassword = options.BasicAuthPassword,
                BearerToken = options.BearerToken,
            },
            logger);

        if (Array.IndexOf(WildcardHosts, host) >= 0)
        {
            return new ServerSettings(options, path, scrape, "+", "localhost", IPAddress.Any);
        }

        var bare = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host.Substring(1, host.Length - 2) : host;
        if (IPAddress.TryParse(bare, out var address))
        {
            var literal = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bare}]" : bare;
            return new ServerSettings(options, path, scrape, literal, literal, address);
        }

        var probe = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Any;
        return new ServerSettings(options, path, scrape, host, host, probe);
    }

    /// <summary>Gets whether a request path (as in <see cref="Uri.AbsolutePath"/>) is the metrics path; a trailing slash is allowed.</summary>
    public bool IsMetricsPath(string requestPath) => MetricsPath.Matches(Path, requestPath);
}
