using Pyrometer.Transports.HttpListener.Internal;

namespace Pyrometer.Transports.HttpListener;

/// <summary>
/// A standalone HTTP server that exposes a <see cref="MetricRegistry"/> for Prometheus to scrape, built on
/// <see cref="System.Net.HttpListener"/> (no ASP.NET Core needed). Construct it, call <see cref="StartAsync"/>,
/// and read the address from <see cref="MetricsUrl"/>.
/// </summary>
/// <remarks>
/// It answers GET and HEAD on the metrics path in the format negotiated from the <c>Accept</c> header (or named by
/// a <c>?format=</c> query), gzip-compressed when the client accepts it. A failing collect callback, or callbacks
/// that outlast <see cref="MetricRegistryOptions.CollectTimeout"/>, are answered 503, any other failure 500; neither
/// stops the server. A scrape is cancelled, and its slot freed, when the deadline its client sends in
/// <c>X-Prometheus-Scrape-Timeout-Seconds</c> has passed.
/// </remarks>
public sealed class HttpListenerMetricsServer : IAsyncDisposable
{
    private readonly ServerSettings _settings;
    private readonly MetricsRequestHandler _handler;
    private readonly ServerLifecycle _lifecycle;
    private ListenerSession? _session;

    /// <summary>Creates a server with the default options: <c>http://127.0.0.1:&lt;free port&gt;/metrics</c> for <see cref="MetricRegistry.Default"/>.</summary>
    public HttpListenerMetricsServer()
        : this(new HttpListenerMetricsServerOptions())
    {
    }

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public HttpListenerMetricsServer(HttpListenerMetricsServerOptions options)
    {
        _settings = ServerSettings.From(options);
        _handler = new MetricsRequestHandler(_settings);
        _lifecycle = new ServerLifecycle(this);
    }

    /// <summary>
    /// Gets the URL metrics are served at, with the actual port (also when <see cref="HttpListenerMetricsServerOptions.Port"/>
    /// is 0); null until the server has started. It keeps its value after the server stops. When listening on every
    /// interface (<see cref="HttpListenerMetricsServerOptions.Host"/> <c>+</c>) it names <c>localhost</c>.
    /// </summary>
    public Uri? MetricsUrl { get; private set; }

    /// <summary>Gets the pool the server buffers response bodies in.</summary>
    internal ResponseBufferPool Buffers => _settings.Buffers;

    /// <summary>Gets whether the server is listening.</summary>
    public bool IsRunning => Volatile.Read(ref _session) is not null;

    /// <summary>Starts listening. A server that was stopped may be started again (with port 0, possibly on another port).</summary>
    /// <exception cref="InvalidOperationException">The server is already running, or the address and port cannot be listened on (for example the port is in use); the message names them.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _lifecycle.StartAsync(StartCoreAsync, cancellationToken);

    /// <summary>
    /// Stops listening. Scrapes in flight are allowed to finish while new ones are answered 503; if
    /// <paramref name="cancellationToken"/> is cancelled first, the rest are cancelled and their connections
    /// aborted, and the method returns without throwing. Stopping a server that is not running does nothing.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _lifecycle.StopAsync(StopCoreAsync, cancellationToken);

    /// <summary>Stops the server, giving in-flight scrapes up to 5 seconds to finish, and releases it.</summary>
    public ValueTask DisposeAsync() => _lifecycle.DisposeAsync(StopCoreAsync);

    private Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_session is not null)
        {
            throw new InvalidOperationException($"The metrics server is already running on {MetricsUrl}.");
        }

        var (listener, port) = ListenerBinder.Start(_settings);
        MetricsUrl = new Uri($"http://{_settings.UrlHost}:{port}{_settings.Path}");
        Volatile.Write(ref _session, new ListenerSession(listener, _handler, _settings.Logger));
        ScrapeLog.Started(_settings.Logger, MetricsUrl);
        return Task.CompletedTask;
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var session = _session;
        if (session is null)
        {
            return;
        }

        Volatile.Write(ref _session, null);
        await session.StopAsync(cancellationToken).ConfigureAwait(false);
        ScrapeLog.Stopped(_settings.Logger, MetricsUrl!);
    }
}
