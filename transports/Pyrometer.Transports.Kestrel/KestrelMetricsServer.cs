using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Pyrometer.Transports.Kestrel.Internal;

namespace Pyrometer.Transports.Kestrel;

/// <summary>
/// A standalone metrics server on Kestrel, for apps that are not web apps: HTTP/1.1 and HTTP/2, HTTPS with a PEM
/// or <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2"/> certificate, and basic or bearer
/// credentials. Construct it, call <see cref="StartAsync"/>, and read the address from <see cref="MetricsUrl"/>.
/// </summary>
/// <remarks>
/// It answers as <see cref="PyrometerEndpointRouteBuilderExtensions.MapPyrometerMetrics"/> does (and as the
/// HttpListener server does), on its own host: no configuration file, environment variable or console signal of
/// the application reaches it.
/// </remarks>
public sealed class KestrelMetricsServer : IAsyncDisposable
{
    private readonly KestrelServerSettings _settings;
    private readonly ServerLifecycle _lifecycle;
    private WebApplication? _app;
    private CancellationTokenSource? _stopping;

    /// <summary>Creates a server with the default options: <c>http://127.0.0.1:&lt;free port&gt;/metrics</c> for <see cref="MetricRegistry.Default"/>.</summary>
    public KestrelMetricsServer()
        : this(new KestrelMetricsServerOptions())
    {
    }

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>. A certificate file is read here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid or the certificate cannot be loaded; the message names it.</exception>
    public KestrelMetricsServer(KestrelMetricsServerOptions options)
    {
        _settings = KestrelServerSettings.From(options);
        _lifecycle = new ServerLifecycle(this);
    }

    /// <summary>
    /// Gets the URL metrics are served at, with the actual port (also when <see cref="KestrelMetricsServerOptions.Port"/>
    /// is 0); null until the server has started. It keeps its value after the server stops. When listening on every
    /// interface it names <c>localhost</c>.
    /// </summary>
    public Uri? MetricsUrl { get; private set; }

    /// <summary>Gets whether the server is listening.</summary>
    public bool IsRunning => Volatile.Read(ref _app) is not null;

    /// <summary>Starts listening. A server that was stopped may be started again (with port 0, possibly on another port).</summary>
    /// <exception cref="InvalidOperationException">The server is already running, or the address and port cannot be listened on; the message names them.</exception>
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

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException($"The metrics server is already running on {MetricsUrl}.");
        }

        var stopping = new CancellationTokenSource();
        var app = Build(new ContextScrapeHandler(new ScrapeResponder(_settings.Scrape, _settings.Path), stopping.Token));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw new InvalidOperationException($"The metrics server could not listen on {_settings.UrlHost}:{_settings.Port}: {ex.Message.TrimEnd('.', ' ')}. Is the port in use? Choose another port, or 0 for a free one.", ex);
        }

        MetricsUrl = new Uri($"{_settings.Scheme}://{_settings.UrlHost}:{BoundPort(app)}{_settings.Path}");
        _stopping = stopping;
        Volatile.Write(ref _app, app);
        ScrapeLog.Started(_settings.Scrape.Logger, MetricsUrl);
    }

    private static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        var app = _app;
        if (app is null)
        {
            return;
        }

        Volatile.Write(ref _app, null);
        await _stopping!.CancelAsync().ConfigureAwait(false);
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Kestrel aborted the connections still open; that is what a cancelled stop asks for.
        }

        await app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _stopping = null;
        ScrapeLog.Stopped(_settings.Scrape.Logger, MetricsUrl!);
    }

    private WebApplication Build(ContextScrapeHandler handler)
    {
        // The empty builder reads no appsettings.json, environment or command line, so the application's own
        // Kestrel configuration never reaches this server; Kestrel and logging are added by hand.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(KestrelMetricsServer).Assembly.GetName().Name });
        builder.Services.AddLogging();
        builder.Services.Replace(ServiceDescriptor.Singleton(_settings.LoggerFactory));
        builder.Services.AddSingleton<IHostLifetime, DetachedHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            void Configure(ListenOptions listen)
            {
                listen.Protocols = _settings.Protocols;
                if (_settings.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            }

            if (_settings.Address is null)
            {
                kestrel.ListenLocalhost(_settings.Port, Configure);
            }
            else if (_settings.Address.Equals(IPAddress.IPv6Any))
            {
                kestrel.ListenAnyIP(_settings.Port, Configure);
            }
            else
            {
                kestrel.Listen(_settings.Address, _settings.Port, Configure);
            }
        });

        var app = builder.Build();
        app.Run(handler.HandleAsync);
        return app;
    }
}
