using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pyrometer.Exposition;

namespace Pyrometer.Transports.HttpListener.Internal;

/// <summary>The validated, normalised form of <see cref="HttpListenerMetricsServerOptions"/>, fixed at construction.</summary>
internal sealed class ServerSettings
{
    private static readonly string[] WildcardHosts = ["+", "*", "0.0.0.0", "::", "[::]"];

    private ServerSettings(HttpListenerMetricsServerOptions options, string prefixHost, string urlHost, IPAddress probeAddress)
    {
        Host = options.Host;
        PrefixHost = prefixHost;
        UrlHost = urlHost;
        ProbeAddress = probeAddress;
        Port = options.Port;
        Path = options.Path.Length > 1 ? options.Path.TrimEnd('/') : options.Path;
        Registry = options.Registry ?? MetricRegistry.Default;
        Formats = options.Formats ?? new ExpositionFormatCollection().AddTextFormats();
        EnableCompression = options.EnableCompression;
        MaxConcurrentScrapes = options.MaxConcurrentScrapes;
        ScrapeQueueTimeout = options.ScrapeQueueTimeout;
        Buffers = new ResponseBufferPool(options.MaxRetainedBufferBytes);
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<HttpListenerMetricsServer>();
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

    public MetricRegistry Registry { get; }

    public ExpositionFormatCollection Formats { get; }

    public bool EnableCompression { get; }

    public int MaxConcurrentScrapes { get; }

    public TimeSpan ScrapeQueueTimeout { get; }

    /// <summary>Gets the server's pool of response buffers, bounded by <see cref="HttpListenerMetricsServerOptions.MaxRetainedBufferBytes"/>.</summary>
    public ResponseBufferPool Buffers { get; }

    public ILogger Logger { get; }

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

        var path = options.Path;
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.IndexOfAny([' ', '\t', '?', '#']) >= 0)
        {
            throw new ArgumentException($"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.Path)} must start with '/' and contain no spaces, '?' or '#'; got '{path}'.", nameof(options));
        }

        if (options.Formats is { Count: 0 })
        {
            throw new ArgumentException($"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.Formats)} must contain at least one format.", nameof(options));
        }

        if (options.MaxConcurrentScrapes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrentScrapes, $"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.MaxConcurrentScrapes)} must be at least 1.");
        }

        if (options.ScrapeQueueTimeout < TimeSpan.Zero || options.ScrapeQueueTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ScrapeQueueTimeout, $"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.ScrapeQueueTimeout)} must be between zero and 10 minutes.");
        }

        if (options.MaxRetainedBufferBytes < ResponseBufferPool.BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetainedBufferBytes, $"{nameof(HttpListenerMetricsServerOptions)}.{nameof(options.MaxRetainedBufferBytes)} must be at least {ResponseBufferPool.BlockSize} (one 512 KiB block).");
        }

        if (Array.IndexOf(WildcardHosts, host) >= 0)
        {
            return new ServerSettings(options, "+", "localhost", IPAddress.Any);
        }

        var bare = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host.Substring(1, host.Length - 2) : host;
        if (IPAddress.TryParse(bare, out var address))
        {
            var literal = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bare}]" : bare;
            return new ServerSettings(options, literal, literal, address);
        }

        var probe = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Any;
        return new ServerSettings(options, host, host, probe);
    }

    /// <summary>Gets whether a request path (as in <see cref="Uri.AbsolutePath"/>) is the metrics path; a trailing slash is allowed.</summary>
    public bool IsMetricsPath(string requestPath)
    {
        var length = requestPath.Length > 1 && requestPath[^1] == '/' ? requestPath.Length - 1 : requestPath.Length;
        return length == Path.Length && string.Compare(requestPath, 0, Path, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
